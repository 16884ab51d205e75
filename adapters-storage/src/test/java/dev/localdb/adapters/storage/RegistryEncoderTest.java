package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encoder that reuses unchanged entries writes exactly the bytes of the plain encoding, whatever changed. */
class RegistryEncoderTest {
    private final Random random = new Random(15);

    @Test
    void everyStepOfARandomHistoryGivesTheBytesOfThePlainEncoding() {
        RegistryEncoder encoder = new RegistryEncoder();
        Registry registry = Registry.EMPTY;
        for (int step = 0; step < 400; step++) {
            registry = change(registry);
            assertThat(new String(encoder.encode(registry), StandardCharsets.UTF_8))
                    .as("step %d", step)
                    .isEqualTo(new String(RegistryJson.encode(registry), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRegistryReadFromTheFileIsEncodedLikeTheOneWritten() throws Exception {
        RegistryEncoder encoder = new RegistryEncoder();
        Registry written = Registry.EMPTY;
        for (int i = 0; i < 30; i++) {
            written = change(written);
        }
        byte[] first = encoder.encode(written);
        // New instances with the same values: nothing is reused, the bytes are the same.
        Registry read = RegistryParser.toRegistry(RegistryParser.parse(first));

        assertThat(read).isEqualTo(written);
        assertThat(encoder.encode(read)).isEqualTo(first);
    }

    @Test
    void emptyingTheRegistryAfterEntriesGivesTheEmptyFile() {
        RegistryEncoder encoder = new RegistryEncoder();
        Registry one = Registry.EMPTY.with(allocation(1));
        encoder.encode(one);

        assertThat(encoder.encode(one.without(ProjectName.of("p1")))).isEqualTo(RegistryJson.encode(Registry.EMPTY));
    }

    /** One random change: add, replace (new owner, released, named ports) or remove an entry, or a new cleanup time. */
    private Registry change(Registry registry) {
        List<Allocation> entries = new ArrayList<>(registry.list());
        int kind = random.nextInt(10);
        if (entries.isEmpty() || kind < 4) {
            return registry.with(allocation(random.nextInt(500)));
        }
        Allocation some = entries.get(random.nextInt(entries.size()));
        return switch (kind) {
            case 4, 5 -> registry.without(some.project());
            case 6 -> !some.isHeld() ? registry.without(some.project()) : registry.with(some.withOwner(Optional.of(new ProcessIdentity(random.nextInt(99_999) + 1, random.nextLong() & Long.MAX_VALUE, "boot-" + random.nextInt(3)))));
            case 7 -> registry.with(some.withNamedPorts(random.nextBoolean() ? Map.of()
                    : Map.of(PortName.of("db"), PortNumber.of(37_000 + some.port().value()), PortName.of("admin"), PortNumber.of(38_000 + some.port().value()))));
            case 8 -> new Registry(registry.allocations(), random.nextBoolean() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000), random.nextInt(1_000_000_000))));
            default -> registry.with(new Allocation(some.project(), some.port(), some.state(), some.owner(), some.allocatedAt().plusNanos(1), some.namedPorts()));
        };
    }

    private Allocation allocation(int n) {
        Optional<ProcessIdentity> owner = random.nextBoolean() ? Optional.empty() : Optional.of(new ProcessIdentity(n + 100, n * 7L, "6f1c-boot"));
        Allocation held = Allocation.held(ProjectName.of("p" + n), PortNumber.of(3000 + n), owner, Instant.ofEpochSecond(1_700_000_000L + n, n));
        return random.nextInt(4) == 0 ? held.released() : held;
    }
}
