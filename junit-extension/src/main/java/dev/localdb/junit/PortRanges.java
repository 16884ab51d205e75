package dev.localdb.junit;

import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortRange;
import java.util.Arrays;
import java.util.List;

/**
 * The ranges a reservation scans: the annotation's own, else {@code localdb.portRanges}, else
 * {@code LOCALDB_PORT_RANGES} (the variable the cli reads), else localdb's defaults.
 */
final class PortRanges {
    static final String PROPERTY = "localdb.portRanges";
    static final String ENV = "LOCALDB_PORT_RANGES";

    private PortRanges() {
    }

    static List<PortRange> of(LocalDbPort annotation, String target) {
        if (annotation.ranges().length > 0) {
            return parse(Arrays.asList(annotation.ranges()), "@LocalDbPort(ranges = ...) on " + target);
        }
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse(Arrays.asList(property.split(",")), "The system property " + PROPERTY);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return parse(Arrays.asList(env.split(",")), "The environment variable " + ENV);
        }
        return AllocationSettings.defaults().ranges();
    }

    private static List<PortRange> parse(List<String> texts, String source) {
        try {
            return texts.stream().map(PortRange::parse).toList();
        } catch (InvalidInputException e) {
            throw new LocalDbPortException(source + " is invalid: " + e.getMessage() + " Use ranges such as \"20000-20999\".");
        }
    }
}
