package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.PortRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class EphemeralPortRangeTest {
    @TempDir
    Path dir;

    @Test
    void readsTheKernelFormatTabSeparatedWithNewline() throws IOException {
        Path file = write("32768\t60999\n");

        assertThat(EphemeralPortRange.read(file)).contains(PortRange.of(32768, 60999));
    }

    @Test
    void acceptsSpacesAsSeparator() throws IOException {
        assertThat(EphemeralPortRange.read(write("  49152   65535 "))).contains(PortRange.of(49152, 65535));
    }

    @Test
    void missingFileIsEmpty() {
        assertThat(EphemeralPortRange.read(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void aDirectoryIsEmpty() {
        assertThat(EphemeralPortRange.read(dir)).isEmpty();
    }

    @Test
    void malformedContentIsEmpty() throws IOException {
        assertThat(EphemeralPortRange.read(write("32768"))).isEmpty();
        assertThat(EphemeralPortRange.read(write("a b"))).isEmpty();
        assertThat(EphemeralPortRange.read(write("1 2 3"))).isEmpty();
        assertThat(EphemeralPortRange.read(write(""))).isEmpty();
    }

    @Test
    void outOfRangeOrReversedNumbersAreEmpty() throws IOException {
        assertThat(EphemeralPortRange.read(write("0 60999"))).isEmpty();
        assertThat(EphemeralPortRange.read(write("32768 70000"))).isEmpty();
        assertThat(EphemeralPortRange.read(write("60999 32768"))).isEmpty();
    }

    @Test
    void anOversizedFileIsNotTrusted() throws IOException {
        assertThat(EphemeralPortRange.read(write("32768 60999" + " ".repeat(1000)))).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsTheRunningLinuxKernel() {
        // Every Linux kernel has this file; its bounds are configurable, so only check it is sane.
        assertThat(EphemeralPortRange.read()).hasValueSatisfying(range -> assertThat(range.size()).isGreaterThan(1));
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "range", ".txt");
        Files.writeString(file, content);
        return file;
    }
}
