package dev.peregrine.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;

/** {@link ServiceApi} against the JDK's small HTTP server, which records what it was sent. */
class ServiceApiTest {

    /** What the server saw of one request. */
    record Seen(String method, String path, String authorization, String contentType, String body) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ServiceApi api;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        api = ServiceApi.at(server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** 401 without a token, 404 for {@code /missing}, else 200 with a JSON echo of the method and path. */
    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().toString();
        seen.add(new Seen(
                exchange.getRequestMethod(),
                path,
                authorization,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body));
        int status = authorization == null ? 401 : path.equals("/missing") ? 404 : 200;
        byte[] answer = ("{\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\"" + path + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Test
    void sendsEachRolesTokenAsBearer() {
        api.asOperator().get("/a");
        api.asViewer().get("/b");
        api.asAlice().get("/c");
        api.as("some-other-token").get("/d");

        assertThat(seen)
                .extracting(Seen::authorization)
                .containsExactly(
                        "Bearer " + TestTokens.OPERATOR,
                        "Bearer " + TestTokens.VIEWER,
                        "Bearer " + TestTokens.ALICE,
                        "Bearer some-other-token");
    }

    @Test
    void anonymousSendsNoAuthorizationAndSeesTheStatus() {
        HttpResponse<String> response = api.asOperator().anonymous().get("/a");
        api.as(null).get("/b");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(seen).extracting(Seen::authorization).containsExactly(null, null);
    }

    @Test
    void sendsTheMethodPathAndJsonBody() {
        ServiceApi operator = api.asOperator();
        operator.post("/api/v1/things?dry=true", "{\"x\":1}");
        operator.put("/api/v1/things/1", ServiceApi.toJson(Map.of("y", 2)));
        operator.delete("/api/v1/things/1");
        operator.post("/api/v1/actions", null);

        assertThat(seen)
                .containsExactly(
                        new Seen(
                                "POST",
                                "/api/v1/things?dry=true",
                                "Bearer " + TestTokens.OPERATOR,
                                "application/json",
                                "{\"x\":1}"),
                        new Seen(
                                "PUT",
                                "/api/v1/things/1",
                                "Bearer " + TestTokens.OPERATOR,
                                "application/json",
                                "{\"y\":2}"),
                        new Seen("DELETE", "/api/v1/things/1", "Bearer " + TestTokens.OPERATOR, null, ""),
                        new Seen("POST", "/api/v1/actions", "Bearer " + TestTokens.OPERATOR, null, ""));
    }

    @Test
    void readsJsonAndFailsOnAnythingButOk() {
        JsonNode answer = api.asViewer().getJson("/api/v1/x");

        assertThat(answer.get("path").asString()).isEqualTo("/api/v1/x");
        assertThat(api.asViewer().getOk("/y")).contains("\"method\":\"GET\"");
        assertThat(ServiceApi.json(api.asViewer().get("/z")).get("method").asString())
                .isEqualTo("GET");
        assertThat(new String(api.asViewer().getBytes("/b").body(), StandardCharsets.UTF_8))
                .contains("/b");
        assertThatThrownBy(() -> api.asViewer().getJson("/missing"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /missing answered 404");
        assertThatThrownBy(() -> api.getOk("/y")).hasMessageContaining("401");
    }

    @Test
    void findsAStartedApplicationsPortsInItsEnvironment() {
        int port = server.getAddress().getPort();
        MockEnvironment environment = new MockEnvironment()
                .withProperty("local.server.port", Integer.toString(port))
                .withProperty("local.management.port", Integer.toString(port));

        ServiceApi.server(environment).asViewer().get("/api");
        ServiceApi.management(environment).get("/actuator/health");

        assertThat(seen).extracting(Seen::path).containsExactly("/api", "/actuator/health");
        assertThatThrownBy(() -> ServiceApi.server(new MockEnvironment())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBaseWithATrailingSlashJoinsPathsOnce() {
        ServiceApi.at(java.net.URI.create(
                        "http://localhost:" + server.getAddress().getPort() + "/"))
                .asViewer()
                .get("/p");

        assertThat(seen.getFirst().path()).isEqualTo("/p");
    }
}
