package dev.peregrine.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integration test's client of a running service's HTTP API: requests to {@code http://localhost:<port>} with the
 * bearer token of a {@link TestTokens} caller (or none), answers as {@code HttpResponse}s (status, headers, body).
 * Immutable: {@code api.asViewer()} is a new client, the shared connection pool stays one.
 *
 * <pre>{@code
 * ServiceApi api = ServiceApi.at(port).asOperator();
 * assertThat(api.post("/api/v1/replays", body).statusCode()).isEqualTo(202);
 * JsonNode run = api.asViewer().getJson("/api/v1/replays/" + id);
 * }</pre>
 */
public final class ServiceApi {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String token;

    private ServiceApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The API on {@code localhost:port} (a test's {@code @LocalServerPort} or management port), anonymous. */
    public static ServiceApi at(int port) {
        return at(URI.create("http://localhost:" + port));
    }

    /** The API a started Spring Boot application serves on its {@code local.server.port}, anonymous. */
    public static ServiceApi server(Environment environment) {
        return at(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    /** The management port ({@code local.management.port}: health, Prometheus) of a started application. */
    public static ServiceApi management(Environment environment) {
        return at(environment.getRequiredProperty("local.management.port", Integer.class));
    }

    /** The API below {@code base} (scheme, host and port; paths are appended to it), anonymous. */
    public static ServiceApi at(URI base) {
        String text = base.toString();
        return new ServiceApi(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text), null);
    }

    /** The same API as the {@code OPERATOR} role. */
    public ServiceApi asOperator() {
        return as(TestTokens.OPERATOR);
    }

    /** The same API as the {@code VIEWER} role. */
    public ServiceApi asViewer() {
        return as(TestTokens.VIEWER);
    }

    /** The same API as the named operator {@link TestTokens#ALICE_NAME}. */
    public ServiceApi asAlice() {
        return as(TestTokens.ALICE);
    }

    /** The same API with {@code bearerToken} (any string, also a wrong one) as the caller's token; null: anonymous. */
    public ServiceApi as(String bearerToken) {
        return new ServiceApi(base, bearerToken);
    }

    /** The same API with no {@code Authorization} header. */
    public ServiceApi anonymous() {
        return new ServiceApi(base, null);
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    /** POST of the JSON {@code body}; {@code null} sends no body. */
    public HttpResponse<String> post(String path, String body) {
        return send("POST", path, body);
    }

    /** PUT of the JSON {@code body}; {@code null} sends no body. */
    public HttpResponse<String> put(String path, String body) {
        return send("PUT", path, body);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    /** Any method; {@code body}, when not null, is sent as {@code application/json}. */
    public HttpResponse<String> send(String method, String path, String body) {
        return exchange(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    }

    /** GET of {@code path} with the body as bytes (a PDF, a ZIP). */
    public HttpResponse<byte[]> getBytes(String path) {
        return exchange(request("GET", path, null), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The JSON body of GET {@code path}, which must answer 200: any other status fails the test with the body. */
    public JsonNode getJson(String path) {
        return json(ok("GET", path, get(path)));
    }

    /** The text body of GET {@code path}, which must answer 200: any other status fails the test with the body. */
    public String getOk(String path) {
        return ok("GET", path, get(path)).body();
    }

    /** The answer's body as a JSON tree. */
    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** {@code value} (a record, a map, a list) as JSON text, for a request body. */
    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static HttpResponse<String> ok(String method, String path, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    method + " " + path + " answered " + response.statusCode() + ", not 200: " + response.body());
        }
        return response;
    }

    private HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }
}
