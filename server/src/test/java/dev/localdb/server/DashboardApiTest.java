package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard's API on a real server and real sockets: anyone local may list, only a request
 * with the control token, from the page's own origin, may start or stop, and the token comes only
 * from a one-time ticket minted with the secret in the 0600 server.json.
 */
class DashboardApiTest {
    @TempDir
    Path home;
    final RecordingControl control = new RecordingControl();
    TestServer server;

    @BeforeEach
    void start() {
        ProjectsOverview overview = ProjectsOverview.fixed(List.of(
                new ProjectSummary("demo", ProjectState.RUNNING, 3000, "http://localhost:3000", false, "http://demo.localhost:1355"),
                new ProjectSummary("web", ProjectState.STOPPED, 3001, null),
                new ProjectSummary("cache", ProjectState.STOPPED, 3002, null, true)));
        server = TestServer.start(TestServer.config(home, overview).withControl(control));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theListingIsReadOnlyJsonThatNeedsNoToken() throws Exception {
        HttpResponse<String> response = server.get("/dashboard/projects");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("project").asText()).isEqualTo("demo");
        assertThat(body.get("port").asInt()).isEqualTo(server.port());
        assertThat(body.get("control").asBoolean()).isFalse();
        assertThat(body.get("projects")).hasSize(3);
        assertThat(body.get("projects").get(0).toString())
                .isEqualTo("{\"name\":\"demo\",\"state\":\"running\",\"port\":3000,\"url\":\"http://localhost:3000\",\"nameUrl\":\"http://demo.localhost:1355\",\"here\":true,\"reservation\":false}");
        assertThat(body.get("projects").get(1).toString())
                .isEqualTo("{\"name\":\"web\",\"state\":\"stopped\",\"port\":3001,\"url\":null,\"nameUrl\":null,\"here\":false,\"reservation\":false}");
        assertThat(body.get("projects").get(2).get("reservation").asBoolean()).as("a name that only holds a port").isTrue();
    }

    @Test
    void theListingSaysWhetherTheRequestCarriesControl() throws Exception {
        String token = redeem(ticket());

        JsonNode with = Json.MAPPER.readTree(server.send(HttpRequest.newBuilder(server.uri("/dashboard/projects"))
                .header(DashboardAccess.TOKEN_HEADER, token)).body());
        JsonNode wrong = Json.MAPPER.readTree(server.send(HttpRequest.newBuilder(server.uri("/dashboard/projects"))
                .header(DashboardAccess.TOKEN_HEADER, token.substring(1) + "x")).body());

        assertThat(with.get("control").asBoolean()).isTrue();
        assertThat(wrong.get("control").asBoolean()).isFalse();
    }

    @Test
    void startAndStopWithoutTheTokenAre403WithAJsonError() throws Exception {
        HttpResponse<String> start = server.send(post("/dashboard/projects/web/start"));
        HttpResponse<String> stop = server.send(post("/dashboard/projects/web/stop"));

        for (HttpResponse<String> response : List.of(start, stop)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(Json.MAPPER.readTree(response.body()).get("error").asText())
                    .contains("X-LocalDB-Token", "localdb open demo");
        }
        assertThat(control.calls).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "not-the-token-but-43-characters-long-xxxxxxx"})
    void aWrongTokenIs403(String wrong) {
        HttpResponse<String> response = server.send(post("/dashboard/projects/web/stop").header(DashboardAccess.TOKEN_HEADER, wrong));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(control.calls).isEmpty();
    }

    @Test
    void theSecretFromServerJsonIsNotTheControlToken() throws Exception {
        HttpResponse<String> response = server.send(post("/dashboard/projects/web/stop").header(DashboardAccess.TOKEN_HEADER, secretText()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(control.calls).isEmpty();
    }

    @Test
    void aRedeemedTicketsTokenStartsAndStopsThroughTheControl() throws Exception {
        String token = redeem(ticket());

        HttpResponse<String> start = server.send(post("/dashboard/projects/web/start").header(DashboardAccess.TOKEN_HEADER, token));
        HttpResponse<String> stop = server.send(post("/dashboard/projects/web/stop").header(DashboardAccess.TOKEN_HEADER, token)
                .header("Origin", "http://127.0.0.1:" + server.port()));

        assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(start.body()).get("message").asText()).isEqualTo("started web");
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
        assertThat(control.calls).containsExactly("start web", "stop web");
    }

    @Test
    void aTicketWorksOnce() throws Exception {
        String ticket = ticket();
        redeem(ticket);

        HttpResponse<String> again = server.send(post("/dashboard/session").header(DashboardAccess.TICKET_HEADER, ticket));

        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(again.body()).get("error").asText()).contains("already used or has expired", "localdb open demo");
    }

    @Test
    void expiredForgedAndForeignTicketsAreRefused() throws Exception {
        byte[] secret = Base64.getUrlDecoder().decode(secretText());
        String expired = DashboardTicket.mint(secret, Instant.now().minus(DashboardTicket.LIFETIME).minusSeconds(5));
        String foreign = DashboardTicket.mint(new byte[32], Instant.now());
        String genuine = ticket();
        String forged = genuine.substring(0, genuine.length() - 1) + (genuine.endsWith("A") ? "B" : "A");

        for (String ticket : List.of(expired, foreign, forged, "", "1.2.3")) {
            HttpResponse<String> response = server.send(post("/dashboard/session").header(DashboardAccess.TICKET_HEADER, ticket));
            assertThat(response.statusCode()).as(ticket).isEqualTo(403);
        }
        assertThat(server.send(post("/dashboard/session")).statusCode()).as("no ticket at all").isEqualTo(403);
        redeem(genuine); // the forged copy did not use it up
    }

    @Test
    void aCrossOriginPostIsRefusedEvenWithTheToken() throws Exception {
        String token = redeem(ticket());

        for (String origin : List.of("https://evil.example", "http://localhost:9999", "http://127.0.0.1:" + (server.port() + 1), "null")) {
            HttpResponse<String> response = server.send(post("/dashboard/projects/web/stop")
                    .header(DashboardAccess.TOKEN_HEADER, token).header("Origin", origin));
            assertThat(response.statusCode()).as(origin).isEqualTo(403);
            assertThat(Json.MAPPER.readTree(response.body()).get("error").asText()).contains("Origin");
        }
        HttpResponse<String> crossSite = server.send(post("/dashboard/projects/web/stop")
                .header(DashboardAccess.TOKEN_HEADER, token).header("Sec-Fetch-Site", "same-site"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(control.calls).isEmpty();
    }

    @Test
    void aTicketCannotBeRedeemedFromAnotherOrigin() {
        HttpResponse<String> response = server.send(post("/dashboard/session")
                .header(DashboardAccess.TICKET_HEADER, ticket()).header("Origin", "http://localhost:5173"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aForeignHostIsRefusedOnEveryDashboardRoute() throws Exception {
        String token = redeem(ticket());
        for (String request : List.of("GET /dashboard/projects HTTP/1.1\r\n",
                "POST /dashboard/projects/web/stop HTTP/1.1\r\n" + DashboardAccess.TOKEN_HEADER + ": " + token + "\r\nContent-Length: 0\r\n",
                "POST /dashboard/session HTTP/1.1\r\n" + DashboardAccess.TICKET_HEADER + ": " + ticket() + "\r\nContent-Length: 0\r\n")) {
            String response = server.raw(request + "Host: evil.example:" + server.port() + "\r\nConnection: close\r\n\r\n");

            assertThat(TestServer.status(response)).as(request).isEqualTo(403);
            assertThat(TestServer.body(response)).contains("Host");
        }
        assertThat(control.calls).isEmpty();
    }

    @Test
    void noPreflightIsEverGranted() {
        HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(server.uri("/dashboard/projects/web/stop"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-localdb-token"));

        assertThat(preflight.statusCode()).isEqualTo(405);
        assertThat(preflight.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void controlFailuresAreOneLineErrors() throws Exception {
        String token = redeem(ticket());

        HttpResponse<String> failed = server.send(post("/dashboard/projects/broken/start").header(DashboardAccess.TOKEN_HEADER, token));
        HttpResponse<String> unknown = server.send(post("/dashboard/projects/nope/stop").header(DashboardAccess.TOKEN_HEADER, token));
        HttpResponse<String> badName = server.send(post("/dashboard/projects/..%2Fx/stop").header(DashboardAccess.TOKEN_HEADER, token));

        assertThat(failed.statusCode()).isEqualTo(409);
        assertThat(Json.MAPPER.readTree(failed.body()).get("error").asText()).isEqualTo("broken did not start: see 'localdb logs broken'.");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(control.calls).containsExactly("start broken", "stop nope");
    }

    @Test
    void wrongMethodsAndUnknownRoutesAreRefused() {
        assertThat(server.get("/dashboard/projects/web/stop").statusCode()).isEqualTo(405);
        assertThat(server.send(post("/dashboard/projects")).statusCode()).isEqualTo(405);
        assertThat(server.get("/dashboard/session").statusCode()).isEqualTo(405);
        assertThat(server.get("/dashboard/nothing").statusCode()).isEqualTo(404);
        assertThat(server.send(post("/dashboard/projects/web/restart")).statusCode()).isEqualTo(404);
    }

    @Test
    void stoppingThisServersOwnProjectAnswersFirstThenStopsTheServer() throws Exception {
        String token = redeem(ticket());

        HttpResponse<String> response = server.send(post("/dashboard/projects/demo/stop").header(DashboardAccess.TOKEN_HEADER, token));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(Json.MAPPER.readTree(response.body()).get("message").asText()).contains("Stopping demo", "localdb start demo");
        assertThat(control.calls).as("the server stops itself; the control never stops its own project").isEmpty();
        Path serverJson = server.config.serverInfoFile();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); // a hang guard only
        while (Files.exists(serverJson) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(serverJson).as("the server stopped (and removed server.json)").doesNotExist();
    }

    @Test
    void startingThisServersOwnProjectSaysItRuns() throws Exception {
        String token = redeem(ticket());

        HttpResponse<String> response = server.send(post("/dashboard/projects/demo/start").header(DashboardAccess.TOKEN_HEADER, token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.body()).get("message").asText()).contains("already running");
        assertThat(control.calls).isEmpty();
    }

    @Test
    void thePageCarriesNoSecretAndTellsHowToGetControl() throws Exception {
        String page = server.get("/").body();

        assertThat(page).doesNotContain(secretText());
        assertThat(page).contains("Read-only", "<code>localdb open demo</code>", "id=\"projects-list\"");
        String token = redeem(ticket());
        assertThat(page).doesNotContain(token);
        assertThat(server.send(HttpRequest.newBuilder(server.uri("/")).header(DashboardAccess.TOKEN_HEADER, token)).body())
                .as("not even for a request that has the token").doesNotContain(token);
    }

    /** Reading the secret from server.json is the storage adapter's ServerFileSecret (tested there); minting is the server's. */
    @Test
    void theDashboardLinkMintsARedeemableTicketFromTheSecretInServerJson() throws Exception {
        String link = DashboardLink.withControl(secret(), server.port(), Instant.now());

        assertThat(link).startsWith("http://localhost:" + server.port() + "/#ticket=");
        redeem(link.substring(link.indexOf("#ticket=") + "#ticket=".length()));
    }

    private String ticket() {
        String link = DashboardLink.withControl(secret(), server.port(), Instant.now());
        return link.substring(link.indexOf('=') + 1);
    }

    private String redeem(String ticket) throws Exception {
        HttpResponse<String> response = server.send(post("/dashboard/session").header(DashboardAccess.TICKET_HEADER, ticket)
                .header("Origin", "http://127.0.0.1:" + server.port()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body()).get("token").asText();
    }

    private byte[] secret() {
        try {
            return Base64.getUrlDecoder().decode(secretText());
        } catch (Exception e) {
            throw new AssertionError("server.json holds no readable secret", e);
        }
    }

    private String secretText() throws Exception {
        return Json.MAPPER.readTree(server.config.serverInfoFile().toFile()).get("token").asText();
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(server.uri(path)).POST(HttpRequest.BodyPublishers.noBody());
    }
}
