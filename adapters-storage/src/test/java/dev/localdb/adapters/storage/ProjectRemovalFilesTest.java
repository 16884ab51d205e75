package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code localdb rm} and {@code localdb edit} on disk: where kept data goes, what is left, the file an edit writes. */
class ProjectRemovalFilesTest {
    private static final Instant CREATED = Instant.parse("2025-03-04T05:06:07.5Z");
    private static final ProjectName SHOP = ProjectName.of("shop");

    @TempDir
    Path home;
    Path root;
    JsonProjectCatalog catalog;

    @BeforeEach
    void setUp() {
        root = home.resolve("projects");
        catalog = new JsonProjectCatalog(root, warning -> {
            throw new AssertionError("unexpected warning: " + warning);
        });
    }

    @Test
    void removalMovesTheDataAsideAndANewProjectOfTheNameStartsEmpty() throws Exception {
        catalog.create(ProjectConfig.defaults(SHOP, CREATED));
        Files.createDirectories(root.resolve("shop/data/collections"));
        Files.writeString(root.resolve("shop/data/collections/orders.json"), "{\"id\":1}");
        Files.writeString(root.resolve("shop/server.json"), "{}");

        String kept = catalog.remove(SHOP, false).orElseThrow().keptData().orElseThrow();

        assertThat(Path.of(kept).getParent()).isEqualTo(home.resolve("removed/shop"));
        assertThat(Path.of(kept).resolve("collections/orders.json")).hasContent("{\"id\":1}");
        assertThat(root.resolve("shop")).doesNotExist();
        assertThat(catalog.keptData(SHOP)).contains(home.resolve("removed/shop").toString());
        assertNothingHiddenLeft();

        catalog.create(ProjectConfig.defaults(SHOP, CREATED.plusSeconds(60)));
        try (Stream<Path> data = Files.list(root.resolve("shop/data"))) {
            assertThat(data).as("the new shop's data").isEmpty();
        }
    }

    @Test
    void twoRemovalsOfTheSameNameKeepBothData() throws Exception {
        for (int i = 1; i <= 2; i++) {
            catalog.create(ProjectConfig.defaults(SHOP, CREATED));
            Files.writeString(root.resolve("shop/data/marker"), "round " + i);
            catalog.remove(SHOP, false);
        }

        try (Stream<Path> removals = Files.list(home.resolve("removed/shop"))) {
            assertThat(removals.map(p -> p.resolve("marker")).map(ProjectRemovalFilesTest::read))
                    .containsExactlyInAnyOrder("round 1", "round 2");
        }
    }

    @Test
    void aDataFolderWithoutFilesIsNotKept() throws Exception {
        catalog.create(ProjectConfig.defaults(SHOP, CREATED));
        Files.createDirectories(root.resolve("shop/data/collections/empty"));

        assertThat(catalog.remove(SHOP, false).orElseThrow().keptData()).isEmpty();

        assertThat(home.resolve("removed")).doesNotExist();
        assertThat(root.resolve("shop")).doesNotExist();
    }

    @Test
    void purgeDeletesTheDataToo() throws Exception {
        catalog.create(ProjectConfig.defaults(SHOP, CREATED));
        Files.writeString(root.resolve("shop/data/marker"), "data");

        assertThat(catalog.remove(SHOP, true).orElseThrow().keptData()).isEmpty();

        assertThat(root.resolve("shop")).doesNotExist();
        assertThat(home.resolve("removed")).doesNotExist();
        assertThat(catalog.keptData(SHOP)).isEmpty();
        assertNothingHiddenLeft();
    }

    @Test
    void aSymbolicLinkInTheFolderIsRemovedNotFollowed() throws Exception {
        Path outside = Files.createDirectory(home.resolve("outside"));
        Files.writeString(outside.resolve("precious"), "keep me");
        catalog.create(ProjectConfig.defaults(SHOP, CREATED));
        Files.createSymbolicLink(root.resolve("shop/link"), outside);

        catalog.remove(SHOP, true);

        assertThat(outside.resolve("precious")).hasContent("keep me");
        assertThat(root.resolve("shop")).doesNotExist();
    }

    @Test
    void anUpdateWritesAPrivateFileAndLeavesNoTemporaryOne() throws Exception {
        catalog.create(ProjectConfig.defaults(SHOP, CREATED));

        catalog.update(new ProjectConfig(SHOP, Optional.of(PortNumber.of(4000)), Optional.empty(), Optional.empty(), CREATED));

        assertThat(Files.readString(root.resolve("shop/project.json"))).contains("4000");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("shop/project.json")))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(root.resolve("shop"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("project.json", "data");
        }
    }

    private void assertNothingHiddenLeft() throws Exception {
        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("."));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
