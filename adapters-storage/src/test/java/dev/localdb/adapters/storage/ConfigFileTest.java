package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.ConfigUnusableException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** config.json: plain values in file order, strict JSON in one line, and only the user's own private file. */
class ConfigFileTest {
    @TempDir
    Path home;

    private Path write(String content) throws Exception {
        Path file = home.resolve(ConfigFile.NAME);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, content);
    }

    @Test
    void aMissingFileIsEmpty() {
        assertThat(ConfigFile.read(home.resolve(ConfigFile.NAME))).isEmpty();
    }

    @Test
    void valuesArePlainJavaValuesInFileOrder() throws Exception {
        Path file = write("""
                {"portRanges": ["3000-3999", 8080], "preferredPort": 3000, "useDefaultExclusions": false,
                 "lockTimeoutMs": 2.5, "huge": 123456789012345678901234567890, "nothing": null, "nested": {"a": [true]}}
                """);

        ConfigDocument document = ConfigFile.read(file).orElseThrow();

        assertThat(document.file()).isEqualTo(file);
        assertThat(document.values()).containsKeys("portRanges", "preferredPort", "useDefaultExclusions", "lockTimeoutMs", "huge",
                "nothing", "nested");
        assertThat(document.values().keySet()).first().isEqualTo("portRanges");
        assertThat(document.values().get("portRanges")).isEqualTo(List.of("3000-3999", 8080L));
        assertThat(document.values().get("preferredPort")).isEqualTo(3000L);
        assertThat(document.values().get("useDefaultExclusions")).isEqualTo(false);
        assertThat(document.values().get("lockTimeoutMs")).isEqualTo(2.5);
        assertThat(document.values().get("huge")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(document.values().get("nothing")).isNull();
        assertThat(document.values().get("nested")).isEqualTo(Map.of("a", List.of(true)));
    }

    @Test
    void anEmptyFileSetsNothing() throws Exception {
        assertThat(ConfigFile.read(write("  \n")).orElseThrow().values()).isEmpty();
    }

    @Test
    void malformedJsonIsOneLineWithFileLineAndColumn() throws Exception {
        Path file = write("{\n  \"portRanges\": [\"3000-3999\"],\n  }\n");

        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Config file " + file + " is not valid JSON at line 3, column 3: ")
                .hasMessageEndingWith("Fix it, or move it away to use the defaults.")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aDuplicateKeyIsAnError() throws Exception {
        Path file = write("{\"preferredPort\": 3000, \"preferredPort\": 4000}");

        assertThatThrownBy(() -> ConfigFile.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 1").hasMessageContaining("preferredPort");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"3000-3999\"", "42", "null"})
    void theTopLevelMustBeAnObject(String content) throws Exception {
        Path file = write(content);

        assertThatThrownBy(() -> ConfigFile.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Config file " + file + " must hold one JSON object, e.g. {\"portRanges\"");
    }

    @Test
    void contentAfterTheObjectIsAnError() throws Exception {
        Path file = write("{\"preferredPort\": 3000}\n{}");

        assertThatThrownBy(() -> ConfigFile.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Config file " + file + " has more after its JSON object at line 2, column 1; remove it.");
    }

    @Test
    void controlCharactersNeverReachTheMessage() throws Exception {
        Path file = write("{\"a\u001b[31m\": 1,}");

        assertThatThrownBy(() -> ConfigFile.read(file)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
    }

    @Test
    void aHugeFileIsRefusedBeforeParsing() throws Exception {
        char[] spaces = new char[ConfigFile.MAX_BYTES];
        Arrays.fill(spaces, ' ');
        Path file = write("{}" + new String(spaces));

        assertThatThrownBy(() -> ConfigFile.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("larger than 64 KiB");
    }

    @Test
    void aSymbolicLinkIsRefused() throws Exception {
        Path target = Files.writeString(home.resolve("elsewhere.json"), "{}");
        Path link = Files.createSymbolicLink(home.resolve(ConfigFile.NAME), target);

        assertThatThrownBy(() -> ConfigFile.read(link)).isInstanceOf(ConfigUnusableException.class)
                .hasMessage("Config file " + link + " is a symbolic link, which localdb refuses to follow; replace it with a regular file.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-rw----", "rw----rw-", "rw-rw-rw-"})
    void aFileOthersCanWriteIsRefused(String loose) throws Exception {
        Path file = write("{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(loose));

        assertThatThrownBy(() -> ConfigFile.read(file)).isInstanceOf(ConfigUnusableException.class)
                .hasMessageStartingWith("Config file " + file + " can be written by other users")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aReadableByOthersFileIsAccepted() throws Exception {
        // Settings are not secrets: 0644 is how most editors create files.
        Path file = write("{\"preferredPort\": 3000}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(ConfigFile.read(file)).isPresent();
    }

    @Test
    void aFileOfAnotherUserIsRefused() throws Exception {
        Path file = write("{}");
        assumeTrue(((Integer) Files.getAttribute(file, "unix:uid")) == 0, "giving a file to another user needs root");
        Files.setAttribute(file, "unix:uid", 4321, LinkOption.NOFOLLOW_LINKS);

        assertThatThrownBy(() -> ConfigFile.read(file)).isInstanceOf(ConfigUnusableException.class)
                .hasMessageStartingWith("Config file " + file + " belongs to user id 4321, not to you");
    }

    @Test
    void aDirectoryInItsPlaceIsRefused() throws Exception {
        Path directory = Files.createDirectory(home.resolve(ConfigFile.NAME));

        assertThatThrownBy(() -> ConfigFile.read(directory)).isInstanceOf(ConfigUnusableException.class)
                .hasMessageContaining("is not a regular file");
    }
}
