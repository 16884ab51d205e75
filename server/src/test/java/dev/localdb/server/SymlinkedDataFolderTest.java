package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's own guard behind the catalog's (issue #13 item 10): a data folder, or its
 * collections folder, that is a symbolic link is refused, so no document is written through it.
 */
class SymlinkedDataFolderTest {
    @TempDir
    Path sandbox;

    @Test
    void aSymlinkedDataFolderIsRefusedAndItsTargetStaysEmpty() throws Exception {
        Path target = Files.createDirectory(sandbox.resolve("elsewhere"));
        Path data = Files.createSymbolicLink(sandbox.resolve("data"), target);

        assertThatThrownBy(() -> DocumentStore.open(data)).isInstanceOf(IOException.class)
                .hasMessage(data + " is a symbolic link, which localdb refuses to follow; replace it with a real directory");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void aSymlinkedCollectionsFolderIsRefused() throws Exception {
        Path target = Files.createDirectory(sandbox.resolve("elsewhere"));
        Path data = Files.createDirectory(sandbox.resolve("data"));
        Files.createSymbolicLink(data.resolve("collections"), target);

        assertThatThrownBy(() -> DocumentStore.open(data)).isInstanceOf(IOException.class)
                .hasMessageContaining("collections is a symbolic link");
        assertThat(target).isEmptyDirectory();
    }
}
