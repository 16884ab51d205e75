package dev.localdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Allocation;
import dev.localdb.junit.Observations.Observation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension as a user meets it: scenario classes run through the JUnit Platform against a
 * registry in a temporary home (set with the localdb.home system property, never the real one).
 */
class LocalDbPortExtensionTest {
    private static final long THIS_JVM = ProcessHandle.current().pid();

    @TempDir
    Path home;

    @AfterEach
    void forgetObservations() {
        Observations.takeAll();
    }

    @Test
    void parametersInstanceFieldsAndStaticFieldsEachGetTheirOwnHeldPort() {
        ScenarioRun.Outcome outcome = ScenarioRun.run(InjectionScenarios.EveryKindOfTarget.class, home);

        assertThat(outcome.allPassed()).as(outcome.toString()).isTrue();
        Observation seen = Observations.only(Observations.takeAll(), "test");
        assertThat(seen.ports()).hasSize(6);
        assertThat(seen.portsSeen()).as("distinct ports").hasSize(6);
        // While the test ran, exactly its six ports were held in the registry, by this JVM, under test names.
        assertThat(seen.portsHeldInRegistry()).isEqualTo(seen.portsSeen());
        assertThat(seen.registry().values()).hasSize(6).allSatisfy(this::heldByThisJvm);
        assertThat(TestRegistry.entries(home)).as("everything forgotten afterwards").isEmpty();
    }

    /** As for the cli, the home's config.json decides the ranges when the test names none. */
    @Test
    void withoutRangesOfItsOwnATestGetsPortsFromTheRangesOfTheHomesConfigFile() throws Exception {
        Path config = Files.writeString(home.resolve("config.json"), "{\"portRanges\": [\"23100-23199\"]}\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

        ScenarioRun.Outcome outcome = ScenarioRun.run(InjectionScenarios.EveryKindOfTarget.class, home);

        assertThat(outcome.allPassed()).as(outcome.toString()).isTrue();
        Observation seen = Observations.only(Observations.takeAll(), "test");
        assertThat(seen.portsSeen()).hasSize(6).allSatisfy(port -> assertThat(port).isBetween(23100, 23199));
    }

    @Test
    void testPortsAreReleasedAfterEachTestAndStaticOnesAfterAll() {
        ScenarioRun.Outcome outcome = ScenarioRun.run(InjectionScenarios.ReleasedAfterEachAndAfterAll.class, home);

        assertThat(outcome.allPassed()).as(outcome.toString()).isTrue();
        List<Observation> all = Observations.takeAll();
        Observation first = Observations.only(all, "first");
        Observation second = Observations.only(all, "second");
        Observation afterAll = Observations.only(all, "afterAll");
        int shared = first.ports().get("static");
        assertThat(second.ports().get("static")).isEqualTo(shared);
        assertThat(first.portsHeldInRegistry()).isEqualTo(first.portsSeen()).hasSize(3);
        assertThat(second.portsHeldInRegistry()).isEqualTo(second.portsSeen()).hasSize(3);
        // The first test's entries were gone before the second test began; only the static one stayed.
        Set<String> firstNames = first.registry().keySet();
        Set<String> secondNames = second.registry().keySet();
        assertThat(intersection(firstNames, secondNames)).hasSize(1)
                .allSatisfy(name -> assertThat(first.registry().get(name).port().value()).isEqualTo(shared));
        assertThat(afterAll.portsHeldInRegistry()).containsExactly(shared);
        assertThat(afterAll.registry()).hasSize(1);
        assertThat(TestRegistry.entries(home)).isEmpty();
    }

    @Test
    void withOneInstanceForAllTestsFieldsAreStillHeldDuringEachTest() {
        ScenarioRun.Outcome outcome = ScenarioRun.run(InjectionScenarios.OneInstanceForAllTests.class, home);

        assertThat(outcome.allPassed()).as(outcome.toString()).isTrue();
        List<Observation> all = Observations.takeAll();
        for (String test : List.of("first", "second")) {
            Observation seen = Observations.only(all, test);
            assertThat(seen.portsHeldInRegistry()).as(test).isEqualTo(seen.portsSeen()).hasSize(1);
            assertThat(seen.registry()).as(test).hasSize(1);
        }
        assertThat(TestRegistry.entries(home)).isEmpty();
    }

    /** When it is given back depends on JUnit (with 5.14: after all tests of the class); never before the test ends. */
    @Test
    void aConstructorParameterIsHeldDuringTheTestsOfItsInstance() {
        ScenarioRun.Outcome outcome = ScenarioRun.run(InjectionScenarios.ConstructorParameter.class, home);

        assertThat(outcome.allPassed()).as(outcome.toString()).isTrue();
        List<Observation> all = Observations.takeAll();
        for (String test : List.of("first", "second")) {
            Observation seen = Observations.only(all, test);
            assertThat(seen.portsHeldInRegistry()).as(test).containsAll(seen.portsSeen());
        }
        assertThat(TestRegistry.entries(home)).isEmpty();
    }

    @Test
    void theDocumentedExamplePasses() {
        ScenarioRun.Outcome outcome = ScenarioRun.run(DocumentedExample.class, home);

        assertThat(outcome.allPassed()).as(outcome.toString()).isTrue();
        assertThat(outcome.succeeded()).isEqualTo(2);
        Observation twoServers = Observations.only(Observations.takeAll(), "twoServers");
        assertThat(twoServers.portsHeldInRegistry()).isEqualTo(twoServers.portsSeen()).hasSize(4);
        assertThat(TestRegistry.entries(home)).isEmpty();
    }

    @Test
    void aBeforeAllParameterIsHeldUntilAfterAllAndABeforeEachParameterUntilAfterEach() {
        ScenarioRun.Outcome outcome = ScenarioRun.run(InjectionScenarios.LifecycleMethodParameters.class, home);

        assertThat(outcome.allPassed()).as(outcome.toString()).isTrue();
        List<Observation> all = Observations.takeAll();
        Observation test = Observations.only(all, "test");
        Observation afterAll = Observations.only(all, "afterAll");
        assertThat(test.portsSeen()).hasSize(3);
        assertThat(test.portsHeldInRegistry()).isEqualTo(test.portsSeen());
        assertThat(afterAll.portsHeldInRegistry()).containsExactly(test.ports().get("beforeAll"));
        assertThat(TestRegistry.entries(home)).isEmpty();
    }

    @Test
    void portsAreGivenBackWhenTheTestFailsAndTheFailureIsTheTestsOwn() {
        ScenarioRun.Outcome outcome = ScenarioRun.run(InjectionScenarios.FailingTest.class, home);

        assertThat(outcome.failures()).containsExactly("test(int): the test's own failure");
        assertThat(Observations.only(Observations.takeAll(), "test").portsHeldInRegistry()).hasSize(2);
        assertThat(TestRegistry.entries(home)).isEmpty();
    }

    @Test
    void theAnnotationsRangesAreUsed() {
        ScenarioRun.Outcome outcome = ScenarioRun.run(InjectionScenarios.ChosenRange.class, home);

        assertThat(outcome.allPassed()).as(outcome.toString()).isTrue();
        assertThat(Observations.only(Observations.takeAll(), "test").ports().get("param")).isBetween(20000, 20999);
    }

    @Test
    void theBuiltInExclusionsAreAvoidedAsByTheCli() {
        ScenarioRun.Outcome outcome = ScenarioRun.run(InjectionScenarios.RangeOfAvoidedPorts.class, home);

        assertThat(outcome.allPassed()).as(outcome.toString()).isTrue();
        assertThat(Observations.only(Observations.takeAll(), "test").ports().get("param")).isEqualTo(6670);
    }

    @Test
    void whenTheRangesRunOutTheTestFailsWithTheReasonAndHoldsNothing() throws Exception {
        int onlyPort = FreePorts.oneFreeLoopbackPort();

        ScenarioRun.Outcome outcome = ScenarioRun.run(InjectionScenarios.TwoPortsFromOne.class, home,
                Map.of(PortRanges.PROPERTY, Integer.toString(onlyPort)));

        assertThat(outcome.failures()).singleElement().asString()
                .contains("@LocalDbPort could not reserve a port for parameter 1 of TwoPortsFromOne.test: No free port in "
                        + onlyPort + "-" + onlyPort + " (1 ports): 1 held by localdb projects");
        assertThat(Observations.takeAll()).isEmpty();
        assertThat(TestRegistry.entries(home)).as("the first parameter's port was given back").isEmpty();
    }

    @Test
    void leftoversOfTestJvmsThatDiedAreForgottenButUserProjectsStay() throws Exception {
        String crashedTest = LeftoverSeeds.seed(home);
        assertThat(TestRegistry.entries(home)).containsKey(crashedTest).hasSize(4);

        ScenarioRun.Outcome outcome = ScenarioRun.run(MisuseScenarios.PlainParameter.class, home);

        assertThat(outcome.allPassed()).as(outcome.toString()).isTrue();
        Observation seen = Observations.only(Observations.takeAll(), "test");
        assertThat(seen.registry().keySet()).doesNotContain(crashedTest)
                .contains(LeftoverSeeds.USER_PROJECT_CRASHED, LeftoverSeeds.USER_PROJECT_RELEASED);
        assertThat(TestRegistry.entries(home).keySet())
                .containsExactlyInAnyOrder(LeftoverSeeds.USER_PROJECT_CRASHED, LeftoverSeeds.USER_PROJECT_RELEASED);
    }

    private void heldByThisJvm(Allocation allocation) {
        assertThat(allocation.isHeld()).isTrue();
        assertThat(allocation.owner()).hasValueSatisfying(owner -> assertThat(owner.pid()).isEqualTo(THIS_JVM));
        assertThat(allocation.project().value()).matches("junit-" + THIS_JVM + "-[0-9]+");
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }
}
