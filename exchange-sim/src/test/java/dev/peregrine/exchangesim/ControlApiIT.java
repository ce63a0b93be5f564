package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The /sim control endpoints a person uses to drive a standalone simulator. */
class ControlApiIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private ExchangeSimulator exchange;

    @BeforeEach
    void start() {
        exchange = ExchangeSimulator.start(SimulatorConfig.builder()
                .klines("BTCUSDT", KlineInterval.M1, TestKlines.minutes(5, 100))
                .build());
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    private HttpResponse<String> call(String method, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(exchange.restBaseUrl() + pathAndQuery))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void advanceThenServeTheReleasedKlines() throws Exception {
        HttpResponse<String> advanced = call("POST", "/sim/advance?n=2");

        assertThat(Json.MAPPER.readTree(advanced.body()).get("released").intValue())
                .isEqualTo(2);
        JsonNode klines = Json.MAPPER.readTree(
                call("GET", "/api/v3/klines?symbol=BTCUSDT&interval=1m").body());
        assertThat(klines.size()).isEqualTo(2);
        assertThat(Json.MAPPER
                        .readTree(call("GET", "/sim/status").body())
                        .get("marketTime")
                        .longValue())
                .isEqualTo(exchange.released("BTCUSDT", KlineInterval.M1)
                        .get(1)
                        .closeTime()
                        .toEpochMilli());
    }

    @Test
    void restFaultsAreInjectedCountedAndControlCallsAreNotRecorded() throws Exception {
        assertThat(call("POST", "/sim/faults/rest?status=503&count=1").statusCode())
                .isEqualTo(200);

        assertThat(call("GET", "/api/v3/ping").statusCode()).isEqualTo(503);
        assertThat(call("GET", "/api/v3/ping").statusCode()).isEqualTo(200);

        JsonNode counts = Json.MAPPER.readTree(call("GET", "/sim/faults").body());
        assertThat(counts.get("REST_5XX").longValue()).isEqualTo(1);
        JsonNode requests = Json.MAPPER.readTree(call("GET", "/sim/requests").body());
        assertThat(requests)
                .extracting(request -> request.get("status").intValue())
                .containsExactly(503, 200);
    }

    @Test
    void streamFaultsReachConnectedClients() throws Exception {
        try (ConnectorStream client =
                ConnectorStream.combined(exchange.wsBaseUrl(), java.util.List.of("btcusdt@kline_1m"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> exchange.openConnections() == 1);

            call("POST", "/sim/advance?n=1");
            call("POST", "/sim/faults/duplicate-kline");
            call("POST", "/sim/faults/malformed");

            await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() == 3);
            assertThat(client.messages.get(1)).isEqualTo(client.messages.get(0));
            assertThat(client.messages.get(2)).isEqualTo(SimulatorFaults.MALFORMED);
        }
    }

    @Test
    void mistakesGetClearAnswers() throws Exception {
        assertThat(call("POST", "/sim/faults/rest?status=404").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/sim/faults/duplicate-kline").statusCode()).isEqualTo(409);
        assertThat(call("POST", "/sim/nothing").statusCode()).isEqualTo(404);
        assertThat(call("POST", "/sim/advance?n=two").body()).contains("must be an integer");
    }
}
