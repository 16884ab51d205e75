package dev.localdb.domain.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerEnvironmentTest {
    @Test
    void anotherProjectsPortsAndNameAreDroppedAndLocaldbSettingsKept() {
        Map<String, String> dashboardProject = Map.of("PATH", "/usr/bin", "PORT", "3000", "PORT_DB", "5432",
                "PORT_API", "4000", "LOCALDB_PROJECT", "admin", "LOCALDB_HOME", "/tmp/h", "LOCALDB_PORT_RANGES", "3000-3099");

        Map<String, String> environment = ServerEnvironment.of(dashboardProject, Map.of("PORT", "3001", "PORT_API", "4001",
                "LOCALDB_PROJECT", "shop"));

        assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.of("PATH", "/usr/bin", "PORT", "3001", "PORT_API", "4001",
                "LOCALDB_PROJECT", "shop", "LOCALDB_HOME", "/tmp/h", "LOCALDB_PORT_RANGES", "3000-3099"));
    }
}
