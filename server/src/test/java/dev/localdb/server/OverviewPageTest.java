package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewPageTest {
    @TempDir
    Path home;

    @Test
    void listsEveryProjectWithStatePortAndLink() {
        ProjectsOverview overview = ProjectsOverview.fixed(List.of(
                new ProjectSummary("demo", ProjectState.RUNNING, 3000, "http://localhost:3000/", false, "http://demo.localhost:1355"),
                new ProjectSummary("shop-api", ProjectState.STOPPED, 3001, null),
                new ProjectSummary("worker", ProjectState.CRASHED, null, null)));
        try (TestServer server = TestServer.start(home, overview)) {
            String page = server.get("/").body();

            assertThat(page).contains("<tr class=\"here\"><td><code>demo</code></td><td class=\"running\">running</td><td>3000</td>"
                    + "<td><a href=\"http://localhost:3000/\">http://localhost:3000/</a> "
                    + "<a href=\"http://demo.localhost:1355\">http://demo.localhost:1355</a></td></tr>");
            assertThat(page).contains("<tr><td><code>shop-api</code></td><td class=\"stopped\">stopped</td><td>3001</td><td></td></tr>");
            assertThat(page).contains("<tr><td><code>worker</code></td><td class=\"crashed\">crashed</td><td></td><td></td></tr>");
        }
    }

    @Test
    void escapesEverythingTheOverviewGives() {
        ProjectsOverview overview = ProjectsOverview.fixed(List.of(
                new ProjectSummary("<script>alert(1)</script>", ProjectState.RUNNING, 1, "http://x/\"><script>alert(2)</script>"),
                new ProjectSummary("a&b 'q'", ProjectState.STOPPED, 2, "javascript:alert(3)", false, "javascript:alert(4)")));
        try (TestServer server = TestServer.start(home, overview)) {
            String page = server.get("/").body();

            assertThat(page).doesNotContain("<script>alert", "href=\"javascript:");
            assertThat(page.split("<script", -1)).as("only the dashboard's own script").hasSize(2);
            assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "a&amp;b &#39;q&#39;",
                    "href=\"http://x/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"", "<td>javascript:alert(3) javascript:alert(4)</td>");
        }
    }

    @Test
    void showsThisProjectsCollectionsWithCountsAndEscapesTheirNames() throws Exception {
        try (TestServer server = TestServer.start(home)) {
            server.post("/api/notes", "{}");
            server.post("/api/notes", "{}");
            server.post("/api/users", "{}");
            // Only the alphabet reaches the disk through the API; a directory made by hand is still escaped or skipped.
            Files.createDirectories(home.resolve("data/collections/<b>x"));

            String page = server.get("/").body();

            assertThat(page).contains("<a href=\"/api/notes\"><code>notes</code></a></td><td>2</td>",
                    "<a href=\"/api/users\"><code>users</code></a></td><td>1</td>");
            assertThat(page).doesNotContain("<b>x");
        }
    }

    @Test
    void anUnavailableProjectListDoesNotBreakThePage() {
        ProjectsOverview broken = () -> {
            throw new IllegalStateException("registry is busy <now>");
        };
        try (TestServer server = TestServer.start(home, broken)) {
            var response = server.get("/");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("The project list is unavailable: registry is busy &lt;now&gt;");
        }
    }

    @Test
    void uptimeShowsTheTwoLargestUnits() {
        assertThat(OverviewPage.uptime(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(OverviewPage.uptime(Duration.ofSeconds(4 * 60 + 10))).isEqualTo("4m 10s");
        assertThat(OverviewPage.uptime(Duration.ofMinutes(2 * 60 + 5).plusSeconds(7))).isEqualTo("2h 5m");
        assertThat(OverviewPage.uptime(Duration.ofHours(3 * 24 + 4).plusMinutes(9))).isEqualTo("3d 4h");
        assertThat(OverviewPage.uptime(Duration.ofSeconds(-1))).isEqualTo("0s");
    }
}
