package dev.localdb.junit;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortRange;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ranges a reservation scans when it is told: the annotation's own, else
 * {@code localdb.portRanges}, else {@code LOCALDB_PORT_RANGES} (the variable the cli reads). Empty
 * when none is set: then the home's config.json decides, as for the cli ({@link LocalDbPorts}).
 */
final class PortRanges {
    static final String PROPERTY = "localdb.portRanges";
    static final String ENV = "LOCALDB_PORT_RANGES";

    private PortRanges() {
    }

    static Optional<List<PortRange>> of(LocalDbPort annotation, String target) {
        if (annotation.ranges().length > 0) {
            return Optional.of(parse(Arrays.asList(annotation.ranges()), "@LocalDbPort(ranges = ...) on " + target));
        }
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(parse(Arrays.asList(property.split(",")), "The system property " + PROPERTY));
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Optional.of(parse(Arrays.asList(env.split(",")), "The environment variable " + ENV));
        }
        return Optional.empty();
    }

    private static List<PortRange> parse(List<String> texts, String source) {
        try {
            return texts.stream().map(PortRange::parse).toList();
        } catch (InvalidInputException e) {
            throw new LocalDbPortException(source + " is invalid: " + e.getMessage() + " Use ranges such as \"20000-20999\".");
        }
    }
}
