package dev.localdb.testsuite.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceDependency;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a rule reported about some classes: the failure report as a user reads it, and the simple
 * names of the classes the violations start from, so a test can state exactly who broke the rule.
 */
record RuleViolations(String report, Set<String> offenders) {

    static RuleViolations of(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        Set<String> offenders = new TreeSet<>();
        result.handleViolations((Collection<Object> violating, String message) -> violating.stream()
                .flatMap(RuleViolations::originsOf).forEach(origin -> offenders.add(origin.getSimpleName())));
        return new RuleViolations(result.getFailureReport().toString(), offenders);
    }

    /** The failure text of a rule, empty when it passes; a rule that checked no class throws instead of reporting. */
    static String failureText(ArchRule rule, JavaClasses classes) {
        try {
            EvaluationResult result = rule.evaluate(classes);
            return result.hasViolation() ? result.getFailureReport().toString() : "";
        } catch (AssertionError checkedNothing) {
            return checkedNothing.getMessage();
        }
    }

    /** Exactly these classes broke the rule, and the report names each of them. */
    RuleViolations committedBy(String... simpleNames) {
        assertThat(offenders).as(report).containsExactlyInAnyOrder(simpleNames);
        for (String offender : simpleNames) {
            assertThat(report).contains("." + offender);
        }
        return this;
    }

    /** The report names what the offenders misused. */
    RuleViolations naming(String... targets) {
        assertThat(report).contains(targets);
        return this;
    }

    /** One class for a dependency, an access or a class judged itself; every class behind the arrow for a slice dependency. */
    private static Stream<JavaClass> originsOf(Object violating) {
        if (violating instanceof Dependency dependency) {
            return Stream.of(dependency.getOriginClass());
        }
        if (violating instanceof JavaAccess<?> access) {
            return Stream.of(access.getOriginOwner());
        }
        if (violating instanceof JavaClass type) {
            return Stream.of(type);
        }
        if (violating instanceof SliceDependency slices) {
            return slices.convertTo(Dependency.class).stream().map(Dependency::getOriginClass);
        }
        throw new IllegalStateException("Unexpected violating object " + violating.getClass() + ": " + violating);
    }
}
