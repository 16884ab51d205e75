package dev.localdb.testsuite.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every architecture rule, checked against localdb's production classes (all modules, via the
 * dependencies on the cli and on the JUnit extension).
 */
class ArchitectureTest {
    private static final String ROOT = "dev.localdb";
    private static JavaClasses production;

    @BeforeAll
    static void importProductionCode() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(new DoNotIncludeTestJars())
                .importPackages(ROOT);
    }

    @TestFactory
    Stream<DynamicTest> localDbFollowsEveryRule() {
        return LocalDbArchitecture.rules(ROOT).stream()
                .map(rule -> dynamicTest(rule.getDescription(), () -> rule.check(production)));
    }

    /** Otherwise the canary, this suite's tests or the domain's fakes would be judged as production code. */
    @Test
    void importsProductionClassesOnly() {
        assertThat(production).isNotEmpty();
        assertThat(production.stream().map(JavaClass::getName))
                .noneMatch(name -> name.startsWith(ROOT + ".testsuite."))
                .noneMatch(name -> name.startsWith(ROOT + ".domain.fake."))
                .contains(ROOT + ".domain.allocation.PortAllocator", ROOT + ".junit.LocalDbPortExtension");
    }

    /**
     * DO_NOT_INCLUDE_TESTS recognises test-classes directories but not the domain's test-jar
     * (contracts and fakes), which reaches this module as a jar ending in -tests.jar.
     */
    static final class DoNotIncludeTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.matches(TEST_JAR);
        }
    }
}
