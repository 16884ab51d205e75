package dev.localdb.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs a scenario class through the JUnit Platform in this JVM, as a build tool would, with the
 * extension pointed at a temporary home by the {@code localdb.home} system property. The
 * properties are set only for the run and put back afterwards.
 */
final class ScenarioRun {
    static final String MARKER = "localdb.junit.scenario";

    private ScenarioRun() {
    }

    /** What the run reported: how many tests ran and passed, and each failure as "test: message". */
    record Outcome(long found, long succeeded, List<String> failures) {
        boolean allPassed() {
            return found > 0 && succeeded == found && failures.isEmpty();
        }
    }

    static Outcome run(Class<?> scenario, Path home) {
        return run(scenario, home, Map.of());
    }

    static Outcome run(Class<?> scenario, Path home, Map<String, String> moreProperties) {
        Map<String, String> properties = new HashMap<>(moreProperties);
        properties.put(HomeLocation.PROPERTY, home.toString());
        properties.put(MARKER, "true");
        Map<String, String> previous = new HashMap<>();
        properties.keySet().forEach(key -> previous.put(key, System.getProperty(key)));
        try {
            properties.forEach(System::setProperty);
            return launch(scenario);
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    static Outcome launch(Class<?> scenario) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(scenario)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        List<String> failures = summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException().getMessage())
                .toList();
        return new Outcome(summary.getTestsFoundCount(), summary.getTestsSucceededCount(), failures);
    }
}
