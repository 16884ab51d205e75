package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnprivilegedPortsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheSettingAsTheKernelWritesIt() throws Exception {
        Path file = Files.writeString(dir.resolve("ip_unprivileged_port_start"), "80\n");

        assertThat(UnprivilegedPorts.read(file)).isEqualTo(OptionalInt.of(80));
    }

    @Test
    void aMissingOrOddFileIsUnknown() throws Exception {
        assertThat(UnprivilegedPorts.read(dir.resolve("absent"))).isEmpty();
        assertThat(UnprivilegedPorts.read(Files.writeString(dir.resolve("odd"), "eighty"))).isEmpty();
    }
}
