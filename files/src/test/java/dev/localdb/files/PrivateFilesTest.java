package dev.localdb.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path dir;

    @Test
    void newDirectoriesAre0700AndNewFiles0600() throws Exception {
        Path nested = dir.resolve("a/b");
        PrivateFiles.createDirectories(nested);
        Path single = PrivateFiles.createDirectory(nested.resolve("c"));
        PrivateFiles.replace(single.resolve("file.json"), bytes("{}"));

        assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(nested)).isEqualTo("rwx------");
        assertThat(mode(single)).isEqualTo("rwx------");
        assertThat(mode(single.resolve("file.json"))).isEqualTo("rw-------");
    }

    @Test
    void replaceSwapsTheWholeContentAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("server.json");
        PrivateFiles.replace(file, bytes("old"));
        byte[] large = new byte[100_000]; // more than one 16 KiB slice
        large[large.length - 1] = 7;

        PrivateFiles.replace(file, large);

        assertThat(PrivateFiles.read(file)).isEqualTo(large);
        assertThat(names()).containsExactly("server.json");
    }

    @Test
    void aReplaceThatFailsBeforeTheRenameKeepsTheOldFileWholeAndRemovesItsTemporaryFile() throws Exception {
        Path file = dir.resolve("data.json");
        PrivateFiles.replace(file, bytes("old"));
        List<Checkpoint.Step> heard = new ArrayList<>();
        Checkpoint crashAfterSync = step -> {
            heard.add(step);
            if (step == Checkpoint.Step.SYNCED) {
                throw new IllegalStateException("crash");
            }
        };

        assertThatThrownBy(() -> PrivateFiles.replace(dir.resolve(".data.json.x.tmp"), file, bytes("new"), crashAfterSync))
                .hasMessage("crash");

        assertThat(heard).containsExactly(Checkpoint.Step.WRITTEN, Checkpoint.Step.SYNCED);
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(names()).containsExactly("data.json");
    }

    @Test
    void ensurePrivateDirectoryMakesAMissingOne0700AndSetsAnExistingOneBack() throws Exception {
        Path made = dir.resolve("ca/new");
        Path existing = Files.createDirectory(dir.resolve("old"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));

        PrivateFiles.ensurePrivateDirectory(made);
        PrivateFiles.ensurePrivateDirectory(existing);

        assertThat(mode(dir.resolve("ca"))).isEqualTo("rwx------");
        assertThat(mode(made)).isEqualTo("rwx------");
        assertThat(mode(existing)).isEqualTo("rwx------");
    }

    @Test
    void restrictToOwnerSetsAFileBackTo0600() throws Exception {
        Path lock = Files.createFile(dir.resolve("ca.lock"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-r--r--")));

        PrivateFiles.restrictToOwner(lock);

        assertThat(mode(lock)).isEqualTo("rw-------");
    }

    @Test
    void writeNewRefusesAnExistingFile() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "mine");

        assertThatThrownBy(() -> PrivateFiles.writeNew(file, bytes("theirs"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void temporaryFilesOfReplaceAreRecognisedAndOrdinaryFilesAreNot() {
        assertThat(PrivateFiles.isTempFile(Path.of(".doc.json.0a1b2c.tmp"))).isTrue();
        assertThat(PrivateFiles.isTempFile(Path.of("doc.json"))).isFalse();
        assertThat(PrivateFiles.isTempFile(Path.of("notes.tmp"))).as("not hidden, so not ours").isFalse();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
