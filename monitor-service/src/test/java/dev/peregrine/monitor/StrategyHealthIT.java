package dev.peregrine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.PauseStrategy;
import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.common.event.StrategyCommandEvent;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.monitor.application.health.Outcomes;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RawRecords;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.ServiceApi;
import dev.peregrine.testkit.TopicProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Auto-pause over real Kafka and PostgreSQL: measured outcomes in, and a PauseStrategy command with the rule's
 * evidence plus an alert out for a losing strategy, never for one with no edge on outcomes of the same noise.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = MonitorServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,monitor-service", "management.server.port=0"})
class StrategyHealthIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();

    @Test
    void aLosingStrategyIsPausedWithItsEvidenceAndOneWithNoEdgeIsNot() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String loser = "loser-" + run;
        String flat = "flat-" + run;
        List<SignalOutcomeMeasured> outcomes = new java.util.ArrayList<>();
        outcomes.addAll(Outcomes.series(loser, -0.02, 0.01, 80, 11));
        outcomes.addAll(Outcomes.series(flat, 0.0, 0.01, 80, 11));

        try (TopicProbe commands = TopicProbe.open(bootstrap, Topics.STRATEGY_COMMANDS);
                TopicProbe alerts = TopicProbe.open(bootstrap, Topics.ALERTS)) {
            for (SignalOutcomeMeasured outcome : outcomes) {
                RawRecords.send(bootstrap, Topics.SIGNALS_OUTCOMES, outcome.key(), CODEC.encode(outcome));
            }

            StrategyCommandEvent command = CODEC.decode(
                    commands.awaitMatching(1, r -> r.value().contains(loser), WAIT)
                            .getFirst()
                            .value(),
                    StrategyCommandEvent.class);
            assertThat(command).isInstanceOfSatisfying(PauseStrategy.class, pause -> {
                assertThat(pause.strategyId()).isEqualTo(loser);
                assertThat(pause.reason()).startsWith("auto-pause: ").contains("CUSUM", "n=");
                assertThat(pause.requestedBy()).contains("monitor");
            });
            AlertRaised alert = CODEC.decode(
                    alerts.awaitMatching(1, r -> r.value().contains(loser), WAIT)
                            .getFirst()
                            .value(),
                    AlertRaised.class);
            assertThat(alert.code()).isEqualTo("STRATEGY_AUTO_PAUSED");

            await().atMost(WAIT)
                    .until(() -> jdbc.sql("SELECT count(*) FROM monitor.judged_outcomes WHERE strategy_id = :s")
                                    .param("s", flat)
                                    .query(Long.class)
                                    .single()
                            == 80);
            assertThat(commands.poll())
                    .filteredOn(r -> r.value().contains(flat))
                    .isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM monitor.health_decisions WHERE strategy_id IN (:l, :f)")
                            .param("l", loser)
                            .param("f", flat)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }

        HttpResponse<String> health = ServiceApi.at(port).asViewer().get("/api/v1/strategies/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains(loser, flat, "\"pausedByMonitor\":true");
    }
}
