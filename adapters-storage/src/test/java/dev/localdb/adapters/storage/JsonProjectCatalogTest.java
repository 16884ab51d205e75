package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.ProjectExistsException;
import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the contract cannot say: the files on disk, their permissions, damage, and racing creators. */
class JsonProjectCatalogTest {
    private static final Instant CREATED = Instant.parse("2025-03-04T05:06:07.5Z");
    private static final ProjectName SHOP = ProjectName.of("shop");

    @TempDir
    Path home;
    Path root;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    JsonProjectCatalog catalog;

    @BeforeEach
    void setUp() {
        root = home.resolve("projects");
        catalog = new JsonProjectCatalog(root, warnings::add);
    }

    @Test
    void aProjectIsAFolderWithItsFileAndADataFolder() throws Exception {
        catalog.create(new ProjectConfig(SHOP, Optional.of(PortNumber.of(3000)), Optional.of("npm start"),
                Optional.of("/srv/shop"), CREATED));

        JsonNode json = new ObjectMapper().readTree(root.resolve("shop/project.json").toFile());
        assertThat(json.get("name").asText()).isEqualTo("shop");
        assertThat(json.get("preferredPort").asInt()).isEqualTo(3000);
        assertThat(json.get("command").asText()).isEqualTo("npm start");
        assertThat(json.get("workingDirectory").asText()).isEqualTo("/srv/shop");
        assertThat(json.get("createdAt").asText()).isEqualTo("2025-03-04T05:06:07.500Z");
        assertThat(root.resolve("shop/data")).isDirectory().isEmptyDirectory();
    }

    @Test
    void absentSettingsAreWrittenAsNull() throws Exception {
        catalog.create(ProjectConfig.defaults(SHOP, CREATED));

        JsonNode json = new ObjectMapper().readTree(root.resolve("shop/project.json").toFile());
        assertThat(json.get("preferredPort").isNull()).isTrue();
        assertThat(json.get("command").isNull()).isTrue();
        assertThat(json.get("workingDirectory").isNull()).isTrue();
    }

    @Test
    void foldersArePrivateAndTheFileIsOwnerOnly() throws Exception {
        catalog.create(ProjectConfig.defaults(SHOP, CREATED));

        assertThat(mode(root)).isEqualTo("rwx------");
        assertThat(mode(root.resolve("shop"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("shop/data"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("shop/project.json"))).isEqualTo("rw-------");
    }

    @Test
    void nothingIsLeftBehindButTheProjects() throws Exception {
        catalog.create(ProjectConfig.defaults(SHOP, CREATED));
        assertThatThrownBy(() -> catalog.create(ProjectConfig.defaults(SHOP, CREATED))).isInstanceOf(ProjectExistsException.class);

        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("shop");
        }
        try (Stream<Path> entries = Files.list(root.resolve("shop"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("project.json", "data");
        }
    }

    @Test
    void readingAnAbsentCatalogCreatesNothing() {
        assertThat(catalog.list()).isEmpty();
        assertThat(catalog.find(SHOP)).isEmpty();

        assertThat(root).doesNotExist();
    }

    @Test
    void ofManyRacingCreatorsExactlyOneWins() throws Exception {
        int creators = 8;
        for (int round = 0; round < 20; round++) {
            ProjectName name = ProjectName.of("race-" + round);
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<String>> attempts = new ArrayList<>();
            for (int i = 0; i < creators; i++) {
                // Each creator is its own catalog, as each localdb process would be.
                JsonProjectCatalog own = new JsonProjectCatalog(root, warnings::add);
                ProjectConfig config = new ProjectConfig(name, Optional.of(PortNumber.of(4000 + i)), Optional.empty(),
                        Optional.empty(), CREATED);
                attempts.add(() -> {
                    start.await();
                    try {
                        own.create(config);
                        return "won";
                    } catch (ProjectExistsException e) {
                        return e.getMessage();
                    }
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(creators);
            try {
                List<Future<String>> results = new ArrayList<>();
                attempts.forEach(attempt -> results.add(pool.submit(attempt)));
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> result : results) {
                    outcomes.add(result.get());
                }
                assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
                assertThat(outcomes).filteredOn(o -> !o.equals("won"))
                        .allSatisfy(o -> assertThat(o).contains("exists already"));
                int winnerPort = catalog.find(name).orElseThrow().preferredPort().orElseThrow().value();
                assertThat(winnerPort).isBetween(4000, 4000 + creators - 1);
            } finally {
                pool.shutdownNow();
            }
        }
        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries.map(p -> p.getFileName().toString())).as("no staging folder left").allMatch(n -> n.startsWith("race-"));
        }
        assertThat(warnings).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON             | {\"name\": \"shop\",                                                   | not valid JSON",
            "empty                | ''                                                                     | empty",
            "JSON null            | null                                                                   | holds no project",
            "another name         | {\"name\":\"other\",\"createdAt\":\"2025-01-01T00:00:00Z\"}            | names project \"other\"",
            "no name              | {\"createdAt\":\"2025-01-01T00:00:00Z\"}                               | \"name\" is missing",
            "no createdAt         | {\"name\":\"shop\"}                                                    | \"createdAt\" is missing",
            "bad createdAt        | {\"name\":\"shop\",\"createdAt\":\"yesterday\"}                        | ISO-8601",
            "port out of range    | {\"name\":\"shop\",\"preferredPort\":0,\"createdAt\":\"2025-01-01T00:00:00Z\"}   | Invalid port 0",
            "port of wrong type   | {\"name\":\"shop\",\"preferredPort\":[1],\"createdAt\":\"2025-01-01T00:00:00Z\"} | \"preferredPort\"",
            "relative directory   | {\"name\":\"shop\",\"workingDirectory\":\"src\",\"createdAt\":\"2025-01-01T00:00:00Z\"} | absolute path",
            "port as a fraction   | {\"name\":\"shop\",\"preferredPort\":3000.5,\"createdAt\":\"2025-01-01T00:00:00Z\"} | \"preferredPort\"",
            "port beyond int      | {\"name\":\"shop\",\"preferredPort\":99999999999,\"createdAt\":\"2025-01-01T00:00:00Z\"} | \"preferredPort\"",
            "name of wrong type   | {\"name\":5,\"createdAt\":\"2025-01-01T00:00:00Z\"}                | \"name\"",
            "an array, no object  | [1]                                                                    | unexpected value",
            "unclosed unknown     | {\"name\":\"shop\",\"x\":{\"a\":[1,                                  | not valid JSON",
    })
    void aDamagedFileIsNamedWithWhatToDo(String damage, String content, String reason) throws Exception {
        Path file = damagedProject("shop", content);

        assertThatThrownBy(() -> catalog.find(SHOP))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(reason)
                .hasMessageContaining("move the folder " + file.getParent() + " aside")
                .message().doesNotContain("\n");
    }

    @Test
    void listSkipsDamagedProjectsWithAWarningAndShowsTheRest() throws Exception {
        catalog.create(ProjectConfig.defaults(ProjectName.of("api"), CREATED));
        catalog.create(ProjectConfig.defaults(ProjectName.of("web"), CREATED));
        damagedProject("broken", "{oops");
        Files.createDirectories(root.resolve("Not A Project"));

        assertThat(catalog.list()).extracting(p -> p.name().value()).containsExactly("api", "web");

        assertThat(warnings).hasSize(2);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("broken").contains("project.json").contains("not valid JSON"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("Not A Project").contains("not a project folder"));
    }

    @Test
    void aFolderWithoutItsFileIsDamaged() throws Exception {
        Files.createDirectories(root.resolve("shop/data"));

        assertThatThrownBy(() -> catalog.find(SHOP)).isInstanceOf(InvalidInputException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> catalog.create(ProjectConfig.defaults(SHOP, CREATED)))
                .as("the folder's data is never overwritten").isInstanceOf(ProjectExistsException.class)
                .hasMessageContaining("exists already");
    }

    @Test
    void aSymbolicLinkInPlaceOfTheFileIsNotFollowed() throws Exception {
        Path elsewhere = home.resolve("elsewhere.json");
        Files.writeString(elsewhere, "{\"name\":\"shop\",\"createdAt\":\"2025-01-01T00:00:00Z\"}");
        Files.createDirectories(root.resolve("shop"));
        Files.createSymbolicLink(root.resolve("shop/project.json"), elsewhere);

        // Refused as the runtime refuses a link (issue #13 item 5): exit 4, not "damaged".
        assertThatThrownBy(() -> catalog.find(SHOP)).isInstanceOf(StateUnusableException.class)
                .hasMessageContaining("is a symbolic link, which localdb refuses to follow");
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingItAll() throws Exception {
        damagedProject("shop", "{\"name\":\"shop\",\"command\":\"" + "x".repeat(200_000) + "\"}");

        assertThatThrownBy(() -> catalog.find(SHOP)).isInstanceOf(InvalidInputException.class).hasMessageContaining("larger than");
    }

    @Test
    void fieldsFromANewerVersionAreIgnored() throws Exception {
        damagedProject("shop", "{\"name\":\"shop\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"autostart\":true}");

        assertThat(catalog.find(SHOP)).contains(ProjectConfig.defaults(SHOP, Instant.parse("2025-01-01T00:00:00Z")));
    }

    @Test
    void nestedFieldsFromANewerVersionAreSkippedWhole() throws Exception {
        damagedProject("shop", "{\"name\":\"shop\",\"hooks\":{\"name\":\"other\",\"list\":[{\"createdAt\":1}]},"
                + "\"createdAt\":\"2025-01-01T00:00:00Z\",\"tags\":[\"a\",[\"b\"]]}");

        assertThat(catalog.find(SHOP)).contains(ProjectConfig.defaults(SHOP, Instant.parse("2025-01-01T00:00:00Z")));
    }

    @Test
    void theFileIsTheOneEarlierVersionsWroteByteForByte() throws Exception {
        catalog.create(new ProjectConfig(SHOP, Optional.of(PortNumber.of(4000)), Optional.of("npm run dev -- --port \"$PORT\""),
                Optional.of("/home/me/shop"), CREATED, List.of()));

        assertThat(Files.readString(root.resolve("shop/project.json"))).isEqualTo("""
                {
                  "name" : "shop",
                  "preferredPort" : 4000,
                  "command" : "npm run dev -- --port \\"$PORT\\"",
                  "workingDirectory" : "/home/me/shop",
                  "createdAt" : "2025-03-04T05:06:07.500Z"
                }
                """);
        assertThat(catalog.find(SHOP).orElseThrow().preferredPort()).contains(PortNumber.of(4000));
    }

    @Test
    void aProjectsPathThatIsAFileMakesTheCatalogUnusable() throws Exception {
        Files.writeString(root, "not a folder");

        assertThatThrownBy(() -> catalog.create(ProjectConfig.defaults(SHOP, CREATED)))
                .isInstanceOf(StateUnusableException.class)
                .hasMessageContaining(root.toString())
                .message().doesNotContain("\n");
        assertThatThrownBy(() -> catalog.list()).isInstanceOf(StateUnusableException.class);
    }

    private Path damagedProject(String name, String content) throws Exception {
        Path folder = root.resolve(name);
        Files.createDirectories(folder.resolve("data"));
        Path file = folder.resolve("project.json");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
