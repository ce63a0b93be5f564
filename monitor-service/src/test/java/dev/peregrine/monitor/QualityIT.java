package dev.peregrine.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.ServiceApi;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/quality} and {@code /api/v1/comparisons} over measured rows in PostgreSQL: the numbers a
 * small hand-made sample must give, grouping, filters, and 400s for bad parameters.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = MonitorServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,monitor-service", "management.server.port=0"})
class QualityIT {

    private static final Instant T0 = Instant.parse("2019-01-07T00:14:59.999Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private String run;

    @BeforeEach
    void outcomes() {
        run = UUID.randomUUID().toString().substring(0, 8);
        // Rows as measured and already published (the outbox leaves them alone).
        // Strategy a: 7 hits of +1 % and 3 misses of -1 % (4 h); b: 2 hits and 8 misses. One 1 h row that must not
        // count.
        for (int i = 0; i < 10; i++) {
            insert("a-" + run, i < 7 ? "0.01" : "-0.01", i, 14400);
            insert("b-" + run, i < 2 ? "0.01" : "-0.01", i, 14400);
        }
        insert("a-" + run, "0.05", 11, 3600);
    }

    @Test
    void qualityOfASliceGroupedByStrategyWithHandCheckedNumbers() throws Exception {
        JsonNode report = get("/api/v1/quality?strategy=a-" + run + "&from=2019-01-01T00:00:00Z&horizon=4h");

        JsonNode overall = report.get("overall");
        assertThat(overall.get("count").asInt()).isEqualTo(10);
        assertThat(overall.get("hits").asInt()).isEqualTo(7);
        // Wilson 95 % for 7/10: [0.3968, 0.8922]
        assertThat(overall.get("hitRate").get("lower").asDouble())
                .isCloseTo(0.3968, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(overall.get("hitRate").get("upper").asDouble())
                .isCloseTo(0.8922, org.assertj.core.data.Offset.offset(1e-3));
        // expectancy (7 x 0.01 - 3 x 0.01) / 10 = 0.004; profit factor 0.07 / 0.03
        assertThat(overall.get("expectancy").asDouble()).isCloseTo(0.004, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(overall.get("returns").get("profitFactor").asDouble())
                .isCloseTo(7.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        // Brier: confidence 0.7 for a 70 % hit rate: 0.7 x 0.09 + 0.3 x 0.49 = 0.21, no skill over the base rate
        assertThat(report.get("brier").get("score").asDouble())
                .isCloseTo(0.21, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(report.get("groups").has("a-" + run)).isTrue();
    }

    @Test
    void twoStrategiesAreComparedWithTheirSampleSizes() throws Exception {
        JsonNode comparison = get("/api/v1/comparisons?a=a-" + run + "&b=b-" + run + "&from=2019-01-01T00:00:00Z");

        assertThat(comparison.get("countA").asInt()).isEqualTo(10);
        assertThat(comparison.get("countB").asInt()).isEqualTo(10);
        // hit rates 0.7 and 0.2: the difference b - a is -0.5; mean returns 0.004 and -0.006: -0.01
        JsonNode result = comparison.get("result");
        assertThat(result.get("hitRate").get("difference").asDouble())
                .isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result.get("meanReturn").toString()).contains("difference");
    }

    @Test
    void weightAdviceSaysWhenASampleIsTooSmallToJudge() throws Exception {
        JsonNode advice = get("/api/v1/strategies/advice?from=2019-01-01T00:00:00Z&to=2019-02-01T00:00:00Z");

        // Ten outcomes each, below the 30 the advice needs: a neutral weight, and why.
        JsonNode a = null;
        for (JsonNode row : advice) {
            if (row.get("strategy").asString().equals("a-" + run)) {
                a = row;
            }
        }
        assertThat(a).isNotNull();
        assertThat(a.get("basis").asString()).isEqualTo("INSUFFICIENT_SAMPLE");
        assertThat(a.get("sampleSize").asInt()).isEqualTo(10);
        assertThat(a.get("weight").asDouble()).isEqualTo(1.0);
    }

    @Test
    void badParametersAre400sWithWhatToSend() throws Exception {
        for (String query : new String[] {
            "/api/v1/quality?horizon=soon",
            "/api/v1/quality?grade=Z",
            "/api/v1/quality?from=yesterday",
            "/api/v1/quality?groupBy=colour",
            "/api/v1/comparisons?a=x"
        }) {
            HttpResponse<String> response = send(query, "viewer-token-0123456789");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
        }
        assertThat(send("/api/v1/quality", null).statusCode()).isEqualTo(401);
    }

    private void insert(String strategy, String netReturn, int index, long horizonSeconds) {
        new MeasuredOutcomeRows(jdbc).insert(strategy, netReturn, T0.plusSeconds(900L * index), horizonSeconds);
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(ServiceApi.at(port).asViewer().getOk(path));
    }

    private HttpResponse<String> send(String path, String token) throws Exception {
        return ServiceApi.at(port).as(token).get(path);
    }
}
