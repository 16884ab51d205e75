package dev.localdb.testsuite.reliability;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.Registry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A short fingerprint of a registry's whole content, the same in every JVM (unlike hashCode, which
 * mixes in enum identities), so that processes can log which registry they saw.
 */
final class RegistryDigest {
    private RegistryDigest() {
    }

    static String of(Registry registry) {
        StringBuilder text = new StringBuilder("cleanup ").append(registry.lastCleanup().map(Instant::toString).orElse("-"));
        for (Allocation a : registry.list()) { // sorted by project
            text.append('\n').append(a.project()).append(' ').append(a.port()).append(' ').append(a.state()).append(' ')
                    .append(a.owner().map(o -> o.pid() + "/" + o.startTime() + "/" + o.bootId()).orElse("-"))
                    .append(' ').append(a.allocatedAt());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
