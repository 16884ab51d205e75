package dev.localdb.testsuite.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that every rule bites: run against the canary (a miniature localdb with deliberately
 * broken classes), each rule reports exactly the classes that break it, names what they misuse,
 * and lets the clean classes pass. A rule that cannot find its classes fails instead of passing.
 */
class ArchitectureCanaryTest {
    private static final String CANARY = "dev.localdb.testsuite.architecture.canary";
    private static final LocalDbArchitecture RULES = LocalDbArchitecture.of(CANARY);
    private static JavaClasses canary;

    @BeforeAll
    static void importCanary() {
        // No import option: the canary is test code and must be imported as such.
        canary = new ClassFileImporter().importPackages(CANARY);
    }

    /** Printing is caught too: System.out is a java.io.PrintStream. */
    @Test
    void domainMayUseOnlyAllowlistedJdkPackagesAndItself() {
        violations(RULES.domainDependsOnlyOnTheJdkAndItself())
                .committedBy("BrokenDomainTouchingTheHost", "BrokenDomainPrinting", "BrokenDomainUsingFrameworks",
                        "BrokenDomainReachingOutward")
                .naming("java.nio.file.Files", "java.net.Socket", "java.io.PrintStream",
                        "com.fasterxml.jackson.databind.ObjectMapper", "picocli.CommandLine",
                        CANARY + ".server.CanaryServer");
    }

    /** Also catches what the allowlist admits because it lives in java.lang: processes, environment, properties. */
    @Test
    void domainMayNotTouchFilesNetworkProcessesEnvironmentOrFrameworks() {
        violations(RULES.domainStaysInsideTheProcess())
                .committedBy("BrokenDomainTouchingTheHost", "BrokenDomainInspectingTheProcess", "BrokenDomainPrinting",
                        "BrokenDomainUsingFrameworks")
                .naming("java.nio.file.Files", "java.net.Socket", "java.lang.ProcessHandle.current()",
                        "java.lang.ProcessBuilder.<init>", "java.lang.Runtime.getRuntime()",
                        "java.lang.System.getenv(java.lang.String)", "java.lang.System.getProperty(java.lang.String)",
                        "java.lang.System.out", "com.fasterxml.jackson.databind.ObjectMapper", "picocli.CommandLine");
    }

    @Test
    void domainMayNotKnowAdaptersServerOrCli() {
        violations(RULES.domainDependsOnNoOuterLayer())
                .committedBy("BrokenDomainReachingOutward")
                .naming(CANARY + ".adapters.storage.CanaryStorageAdapter", CANARY + ".adapters.os.CanaryOsAdapter",
                        CANARY + ".server.CanaryServer", CANARY + ".cli.CanaryCli", CANARY + ".junit.CanaryJunitExtension");
    }

    @Test
    void theFilesModuleMayUseTheJdkOnly() {
        violations(RULES.filesDependOnTheJdkOnly())
                .committedBy("BrokenFilesKnowingTheDomain")
                .naming(CANARY + ".domain.CanaryValue");
    }

    @Test
    void storageAndOsAdaptersMayNotUseEachOther() {
        violations(RULES.adaptersDoNotDependOnEachOther())
                .committedBy("BrokenStorageAskingTheOsAdapter", "BrokenOsAdapterReadingTheRegistry")
                .naming(CANARY + ".adapters.os.CanaryOsAdapter", CANARY + ".adapters.storage.CanaryStorageAdapter");
    }

    @Test
    void adaptersMayNotUseCliOrServer() {
        violations(RULES.adaptersDependOnNeitherCliNorServer())
                .committedBy("BrokenStorageCallingTheServer", "BrokenOsAdapterCallingTheCli")
                .naming(CANARY + ".server.CanaryServer", CANARY + ".cli.CanaryCli");
    }

    /** CanaryCli and CanaryJunitExtension name adapters too, and are not reported: both are composition roots. */
    @Test
    void onlyTheCompositionRootsMayChooseAdapters() {
        violations(RULES.onlyCompositionRootsDependOnAdapters())
                .committedBy("BrokenServerUsingAnAdapter", "BrokenDomainReachingOutward")
                .naming(CANARY + ".adapters.storage.CanaryStorageAdapter");
    }

    @Test
    void theJunitExtensionMayNotUseCliOrServer() {
        violations(RULES.theJunitExtensionUsesNeitherCliNorServer())
                .committedBy("BrokenJunitExtensionCallingTheCli")
                .naming(CANARY + ".cli.CanaryCli");
    }

    @Test
    void nothingMayDependOnTheJunitExtension() {
        violations(RULES.nothingDependsOnTheJunitExtension())
                .committedBy("BrokenCliUsingTheJunitExtension", "BrokenDomainReachingOutward")
                .naming(CANARY + ".junit.CanaryJunitExtension");
    }

    @Test
    void theProxyMayNotUseServerOrCli() {
        violations(RULES.theProxyUsesNeitherServerNorCli())
                .committedBy("BrokenProxyCallingTheCli")
                .naming(CANARY + ".cli.CanaryCli", CANARY + ".server.CanaryServer");
    }

    @Test
    void theServerMayNotUseTheProxy() {
        violations(RULES.theServerUsesNeitherProxyNorCli())
                .committedBy("BrokenServerAskingTheProxy")
                .naming(CANARY + ".proxy.CanaryProxy");
    }

    /** CanaryProxy uses both and is not reported: they are its engine. */
    @Test
    void onlyTheProxyMayUseNettyOrBouncyCastle() {
        violations(RULES.onlyTheProxyUsesNettyAndBouncyCastle())
                .committedBy("BrokenOsAdapterUsingNetty")
                .naming("io.netty.channel.nio.NioEventLoopGroup");
    }

    /** CanaryStorageAdapter implements CanaryPortBook from domain.port and is not reported. */
    @Test
    void portsTheOutsideImplementsMustBeInDomainPort() {
        violations(RULES.everyPortTheOutsideImplementsIsInDomainPort())
                .committedBy("BrokenOsAdapterImplementingAMisplacedPort")
                .naming(CANARY + ".domain.BrokenPortOutsideThePortPackage");
    }

    /** CanaryStatusCommand only parses, calls its service and prints, and is not reported; the broken one also writes its own JSON. */
    @Test
    void commandsMayNotTouchFilesProcessesOrAdapters() {
        violations(RULES.commandsParseCallOneServiceAndPrint())
                .committedBy("BrokenCommandDoingTheWorkItself")
                .naming("java.nio.file.Files", "java.lang.ProcessBuilder", CANARY + ".adapters.storage.CanaryStorageAdapter",
                        "com.fasterxml.jackson.core.JsonFactory");
    }

    /** The list the real code is checked with holds the layer rules and every rule above, each biting here. */
    @Test
    void everyDependencyRuleInTheFullListBitesOnTheCanary() {
        List<ArchRule> dependencyRules = RULES.dependencyRules();
        assertThat(dependencyRules).hasSize(14);
        assertThat(RULES.rules()).hasSize(RULES.layersExist().size() + dependencyRules.size());
        assertThat(RULES.rules().stream().map(ArchRule::getDescription))
                .containsAll(dependencyRules.stream().map(ArchRule::getDescription).toList());
        assertThat(dependencyRules).allSatisfy(rule -> assertThat(rule.evaluate(canary).hasViolation())
                .as(rule.getDescription()).isTrue());
    }

    @Test
    void cleanClassesPassEveryRule() {
        JavaClasses clean = canary.that(DescribedPredicate.not(deliberatelyBroken()));
        assertThat(clean.stream().map(JavaClass::getSimpleName))
                .contains("CanaryValue", "CanaryPrivateFiles", "CanaryStorageAdapter", "CanaryOsAdapter", "CanaryServer", "CanaryProxy", "CanaryCli",
                        "CanaryJunitExtension", "CanaryStatusCommand");
        assertThat(RULES.rules()).allSatisfy(rule -> assertThat(rule.evaluate(clean).getFailureReport().getDetails())
                .as(rule.getDescription()).isEmpty());
    }

    @Test
    void everyRuleFailsWhenItsPackagesDoNotExist() {
        List<ArchRule> misspelt = LocalDbArchitecture.rules(CANARY + ".nosuchroot");
        assertThat(misspelt).hasSize(RULES.rules().size())
                .allSatisfy(rule -> assertThat(RuleViolations.failureText(rule, canary))
                        .as(rule.getDescription()).contains("failed to check any classes"));
    }

    /** The domain rules alone would pass without files, adapters, server, proxy, cli or JUnit extension; the layer rules catch the gap. */
    @Test
    void missingLayersFailEvenWhenTheDomainIsClean() {
        JavaClasses domainOnly = canary.that(JavaClass.Predicates.resideInAPackage(RULES.domain()))
                .that(DescribedPredicate.not(deliberatelyBroken()));
        assertThat(RuleViolations.failureText(RULES.domainDependsOnlyOnTheJdkAndItself(), domainOnly)).isEmpty();
        List<ArchRule> layers = RULES.layersExist();
        assertThat(RuleViolations.failureText(layers.get(0), domainOnly)).isEmpty();
        assertThat(layers.subList(1, layers.size())).hasSize(7)
                .allSatisfy(rule -> assertThat(RuleViolations.failureText(rule, domainOnly))
                        .as(rule.getDescription()).contains("failed to check any classes"));
    }

    private static DescribedPredicate<JavaClass> deliberatelyBroken() {
        return DescribedPredicate.describe("deliberately broken",
                c -> c.getName().substring(c.getPackageName().length() + 1).startsWith("Broken"));
    }

    private static RuleViolations violations(ArchRule rule) {
        return RuleViolations.of(rule, canary);
    }
}
