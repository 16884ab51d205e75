package dev.localdb.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Marks a scenario: a test class that the real tests run through the JUnit Platform, with
 * {@code localdb.home} pointing at a temporary home. Run any other way (from an IDE, say), it is
 * skipped, so it can never reserve ports in the developer's real ~/.localdb.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(named = ScenarioRun.MARKER, matches = "true")
@interface OnlyAsScenario {
}
