package dev.peregrine.benchmarks.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * ingest's replay API as an operator uses it: {@code POST /api/v1/replays} to start a run, {@code GET
 * /api/v1/replays/{id}} until it is no longer RUNNING. Going through REST keeps the harness on the service's real
 * entry point, security included.
 */
public final class ReplayClient {

    /** The fields of ingest's run view the harness reads. */
    public record Run(
            UUID id,
            String status,
            String file,
            String format,
            String symbol,
            String interval,
            long linesRead,
            long candlesPublished,
            long candlesSkipped,
            long linesRejected,
            Map<String, Long> messages,
            Instant startedAt,
            Instant finishedAt,
            String error) {

        public boolean running() {
            return "RUNNING".equals(status);
        }

        public Duration took() {
            return finishedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt);
        }
    }

    private static final Duration POLL = Duration.ofMillis(50);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final URI replays;
    private final String operatorToken;
    private final String viewerToken;

    public ReplayClient(int port, String operatorToken, String viewerToken) {
        this.replays = URI.create("http://localhost:" + port + "/api/v1/replays");
        this.operatorToken = operatorToken;
        this.viewerToken = viewerToken;
    }

    /** Starts a replay at speed 0 and waits for it to finish. */
    Run replay(Path file, String format, Optional<String> symbol, Optional<String> interval)
            throws IOException, InterruptedException {
        Run run = start(file, format, symbol, interval);
        while (run.running()) {
            Thread.sleep(POLL);
            run = find(run.id());
        }
        return run;
    }

    /** Starts a replay at speed 0 (POST, OPERATOR) and returns the run as ingest accepted it. */
    public Run start(Path file, String format, Optional<String> symbol, Optional<String> interval)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", file.toString());
        body.put("format", format);
        body.put("speed", 0);
        symbol.ifPresent(s -> body.put("symbol", s));
        interval.ifPresent(i -> body.put("interval", i));
        HttpResponse<String> started = http.send(
                HttpRequest.newBuilder(replays)
                        .header("Authorization", "Bearer " + operatorToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException(
                    "POST " + replays + " " + body + " answered " + started.statusCode() + ": " + started.body());
        }
        return json.readValue(started.body(), Run.class);
    }

    /** The run as ingest shows it now ({@code GET /api/v1/replays/{id}}, VIEWER). */
    public Run find(UUID id) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(replays.resolve("replays/" + id))
                        .header("Authorization", "Bearer " + viewerToken)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET replay " + id + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readValue(response.body(), Run.class);
    }
}
