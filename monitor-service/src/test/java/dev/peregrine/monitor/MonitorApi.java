package dev.peregrine.monitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GETs and PUTs against a test instance's API ({@code viewer} or {@code operator} token) or management port. */
public final class MonitorApi {

    public static final String VIEWER_TOKEN = "viewer-token-0123456789";
    public static final String OPERATOR_TOKEN = "operator-token-0123456789";
    /** The named OPERATOR {@code alice}, configured next to the role tokens in every monitor IT. */
    public static final String ALICE_TOKEN = "alice-operator-token-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public MonitorApi(int port) {
        this.port = port;
    }

    /** {@code path} with {@code token} as the bearer token, or none when it is null. */
    public HttpResponse<String> send(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET of {@code path} with the viewer token, the body as bytes (a PDF). */
    public HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + VIEWER_TOKEN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** PUT of the JSON {@code body} to {@code path} with {@code token} as the bearer token. */
    public HttpResponse<String> put(String path, String token, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a 200 answer to {@code path} with the viewer token; anything else fails the test. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path, VIEWER_TOKEN);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
