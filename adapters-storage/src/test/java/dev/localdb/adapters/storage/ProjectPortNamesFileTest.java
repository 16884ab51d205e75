package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code portNames} in project.json: written only when there are some, checked like user input when read. */
class ProjectPortNamesFileTest {
    private static final Instant CREATED = Instant.parse("2025-03-04T05:06:07Z");
    private static final ProjectName SHOP = ProjectName.of("shop");

    @TempDir
    Path home;

    private JsonProjectCatalog catalog() {
        return new JsonProjectCatalog(home.resolve("projects"), warning -> {
        });
    }

    private Path file() {
        return home.resolve("projects/shop/project.json");
    }

    @Test
    void portNamesAreWrittenAsAListInTheirOrder() throws Exception {
        catalog().create(new ProjectConfig(SHOP, Optional.empty(), Optional.of("serve"), Optional.empty(), CREATED,
                List.of(PortName.of("debug"), PortName.of("api"))));

        assertThat(Files.readString(file())).isEqualTo("""
                {
                  "name" : "shop",
                  "preferredPort" : null,
                  "command" : "serve",
                  "workingDirectory" : null,
                  "createdAt" : "2025-03-04T05:06:07Z",
                  "portNames" : [ "debug", "api" ]
                }
                """);
    }

    @Test
    void aProjectWithoutPortNamesHasTheFileItHadBefore() throws Exception {
        catalog().create(ProjectConfig.defaults(SHOP, CREATED));

        assertThat(Files.readString(file())).doesNotContain("portNames");
        assertThat(catalog().find(SHOP).orElseThrow().portNames()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "invalid name     | [\"API\"]          | Invalid port name \"API\"",
            "reserved name    | [\"port\"]         | Port name \"port\" is reserved",
            "name twice       | [\"api\",\"api\"]  | Port name \"api\" is given twice",
            "not a list       | {\"api\":1}        | \"portNames\"",
            "null name        | [null]             | Port name is empty"})
    void damagedPortNamesMakeTheProjectFileDamaged(String damage, String portNames, String reason) throws Exception {
        Files.createDirectories(file().getParent().resolve("data"));
        Files.write(file(), ("{\"name\":\"shop\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"portNames\":" + portNames + "}")
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> catalog().find(SHOP))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining(reason)
                .message().doesNotContain("\n");
    }
}
