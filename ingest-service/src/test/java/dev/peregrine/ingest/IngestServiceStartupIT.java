package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.ServiceApi;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A configured replay file that does not exist: the service starts, says why, and invents no data. */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = IngestServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=peregrine-defaults,ingest-service",
            "management.server.port=0",
            "peregrine.ingest.replay.file=" + IngestServiceStartupIT.MISSING_FILE
        })
class IngestServiceStartupIT {

    static final String MISSING_FILE = "/nonexistent/peregrine/NOPEUSDT-15m.csv.gz";

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMissingReplayFileIsAFailedRunAndAReplayHealthDownWithTheReason() throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DOWN"
                        .equals(health("/actuator/health")
                                .at("/components/replay/status")
                                .asString()));

        JsonNode replay = health("/actuator/health").at("/components/replay");
        assertThat(replay.at("/details/reason").asString())
                .isEqualTo("replay file '" + MISSING_FILE + "' does not exist (resolved to " + MISSING_FILE + ")");
        assertThat(replay.at("/details/file").asString()).isEqualTo(MISSING_FILE);
        assertThat(health("/actuator/health/readiness").get("status").asString())
                .isEqualTo("UP");

        Map<String, Object> run = jdbc.sql("SELECT status, trigger, error, lines_read FROM ingest.replay_runs "
                        + "WHERE file = :file ORDER BY started_at DESC LIMIT 1")
                .param("file", MISSING_FILE)
                .query()
                .singleRow();
        assertThat(run)
                .containsEntry("status", "FAILED")
                .containsEntry("trigger", "STARTUP")
                .containsEntry("lines_read", 0L);
        assertThat((String) run.get("error")).contains("does not exist");
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.candles WHERE symbol = 'NOPEUSDT'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** Health details are shown to a VIEWER only. */
    private JsonNode health(String path) {
        return ServiceApi.json(ServiceApi.at(managementPort).asViewer().get(path));
    }
}
