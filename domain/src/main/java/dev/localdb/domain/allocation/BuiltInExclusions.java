package dev.localdb.domain.allocation;

import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.PortSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Ports localdb never picks by itself, each with the reason (docs/CONFIG.md explains them). A
 * project that names one of them as its own port still gets it: these are "avoid", not "forbid".
 * The local services listed are those whose usual port lies in the default ranges (3000-9999):
 * a database that is stopped right now would otherwise lose its port to a project.
 */
public final class BuiltInExclusions {
    /** Some ports and why they are avoided. */
    public record Exclusion(PortSet ports, String reason) {
        public Exclusion {
            Objects.requireNonNull(ports, "ports");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The Fetch standard's "bad ports" (https://fetch.spec.whatwg.org/#port-blocking), which
     * Chrome, Firefox and Safari refuse to connect to: a server there cannot be opened in a browser.
     */
    private static final int[] BROWSER_BAD_PORTS = {
        1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103,
        104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513,
        514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720,
        1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
    };

    private static final List<Exclusion> ALL = List.of(
            new Exclusion(ports(BROWSER_BAD_PORTS), "browsers refuse to open them (the Fetch standard's bad ports)"),
            new Exclusion(ports(5000, 7000), "AirPlay Receiver listens on them on macOS 12 and later"),
            new Exclusion(ports(3306), "MySQL / MariaDB"),
            new Exclusion(ports(5432), "PostgreSQL"),
            new Exclusion(ports(5672), "RabbitMQ (AMQP)"),
            new Exclusion(ports(6379), "Redis / Valkey"),
            new Exclusion(ports(9092), "Kafka"),
            new Exclusion(ports(9200), "Elasticsearch / OpenSearch"));

    private static final PortSet UNION = ALL.stream().map(Exclusion::ports).reduce(PortSet.empty(), PortSet::union);

    private BuiltInExclusions() {
    }

    /** Each group with its reason, in the order the documentation lists them. */
    public static List<Exclusion> all() {
        return ALL;
    }

    /** Every built-in excluded port. */
    public static PortSet ports() {
        return UNION;
    }

    private static PortSet ports(int... ports) {
        return PortSet.of(IntStream.of(ports).mapToObj(p -> PortRange.of(p, p)).toList());
    }
}
