package dev.localdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Misuse fails the test with one line that says what is wrong and what to do, and reserves nothing. */
class MisuseTest {
    @TempDir
    Path home;

    @AfterEach
    void nothingWasReservedOrRecorded() {
        assertThat(Observations.takeAll()).isEmpty();
        assertThat(TestRegistry.entries(home)).isEmpty();
    }

    @Test
    void aFieldOfAnotherType() {
        assertThat(failureOf(MisuseScenarios.StringField.class))
                .isEqualTo("test(): @LocalDbPort needs an int, Integer or PortNumber, but field StringField.port is a String.");
    }

    @Test
    void aFinalField() {
        assertThat(failureOf(MisuseScenarios.FinalField.class))
                .isEqualTo("test(): @LocalDbPort cannot set the final field FinalField.port; remove 'final'.");
    }

    @Test
    void aParameterOfAnotherType() {
        assertThat(failureOf(MisuseScenarios.LongParameter.class))
                .endsWith("@LocalDbPort needs an int, Integer or PortNumber, but parameter 0 of LongParameter.test is a long.");
    }

    @Test
    void aBackwardsRange() {
        assertThat(failureOf(MisuseScenarios.BackwardsRange.class))
                .isEqualTo("test(): @LocalDbPort(ranges = ...) on field BackwardsRange.port is invalid: Invalid port range"
                        + " 20999-20000: the first port must not be above the last. Use ranges such as \"20000-20999\".");
    }

    @Test
    void aRelativeHome() {
        ScenarioRun.Outcome outcome = ScenarioRun.run(MisuseScenarios.PlainParameter.class, Path.of("relative", "home"));

        assertThat(outcome.failures()).singleElement().asString()
                .endsWith("The system property localdb.home must be an absolute path, not \"relative/home\".");
    }

    private String failureOf(Class<?> scenario) {
        ScenarioRun.Outcome outcome = ScenarioRun.run(scenario, home);
        assertThat(outcome.failures()).as(outcome.toString()).hasSize(1);
        return outcome.failures().get(0);
    }
}
