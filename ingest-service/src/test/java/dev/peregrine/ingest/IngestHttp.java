package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.testkit.ServiceApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the integration tests ask the running service over HTTP: its API (replays) and its management port. */
final class IngestHttp {

    private final JsonMapper json = JsonMapper.builder().build();

    /** {@code body} is sent as JSON when given; {@code token} as the bearer token when given. */
    HttpResponse<String> send(String method, int port, String path, String token, String body) {
        return ServiceApi.at(port).as(token).send(method, path, body);
    }

    /** {@code GET /api/v1/replays/{id}}, which must answer 200. */
    JsonNode run(int port, UUID runId, String viewerToken) {
        HttpResponse<String> response = send("GET", port, "/api/v1/replays/" + runId, viewerToken, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The run once it is no longer RUNNING (at most a minute). */
    JsonNode awaitFinished(int port, UUID runId, String viewerToken) {
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        !run(port, runId, viewerToken).get("status").asString().equals("RUNNING"));
        return run(port, runId, viewerToken);
    }

    /** The sum of a Prometheus series' samples whose labels contain {@code labels}; 0 when there is none. */
    double metric(int managementPort, String name, String labels) {
        String body =
                send("GET", managementPort, "/actuator/prometheus", null, null).body();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$")
                .matcher(body);
        double sum = 0;
        while (matcher.find()) {
            String found = matcher.group(1) == null ? "" : matcher.group(1);
            if (found.contains(labels)) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }

    static Predicate<ConsumerRecord<String, String>> keyed(String symbol) {
        return record -> symbol.equals(record.key());
    }
}
