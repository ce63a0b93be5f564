package dev.peregrine.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.SetStrategyWeight;
import dev.peregrine.common.event.StrategyCommandEvent;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.monitor.application.advice.port.in.ApplyWeightAdvice;
import dev.peregrine.testkit.OpenApiConformance;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.ServiceApi;
import dev.peregrine.testkit.TestTokens;
import dev.peregrine.testkit.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Weight advice applied to signal-service over real Kafka and PostgreSQL, only while an operator has switched it on:
 * off, nothing is sent; on, a SetStrategyWeight with the advised weight reaches {@code strategy.commands.v1} and the
 * switch and the change are audited; a VIEWER cannot switch it. The round is the scheduled job's task, run here
 * directly so that the test does not wait for the schedule.
 */
// Same properties as MonitorServiceIT, so that both run in one cached context (one set of listeners per group).
@PeregrineIntegrationTest
@SpringBootTest(
        classes = MonitorServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,monitor-service", "management.server.port=0"})
class AdviceAutoApplyIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PATH = "/api/v1/strategies/advice/auto-apply";
    private static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplyWeightAdvice apply;

    @Autowired
    MeterRegistry registry;

    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void switchOff() throws Exception {
        api().as(TestTokens.OPERATOR).put(PATH, "{\"enabled\": false, \"reason\": \"it: done\"}");
    }

    @Test
    void offNothingIsSentOnTheAdvisedWeightIsSentAndAuditedAndAViewerCannotSwitch() throws Exception {
        String strategy = "advice-" + UUID.randomUUID().toString().substring(0, 8);
        // 60 outcomes at 4 h in the last days, alternating +0.6 % and +0.2 %: a measured edge, advised weight < 1.
        MeasuredOutcomeRows rows = new MeasuredOutcomeRows(jdbc);
        Instant first = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 60; i++) {
            rows.insert(strategy, i % 2 == 0 ? "0.006" : "0.002", first.plus(Duration.ofMinutes(15L * i)), 14400);
        }
        ServiceApi api = api();

        HttpResponse<String> viewer = api.as(TestTokens.VIEWER).put(PATH, "{\"enabled\": true, \"reason\": \"x\"}");
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(api.as(TestTokens.OPERATOR).put(PATH, "{\"enabled\": true}").statusCode())
                .isEqualTo(400);

        try (TopicProbe commands = TopicProbe.open(bootstrap, Topics.STRATEGY_COMMANDS)) {
            assertThat(api.as(TestTokens.OPERATOR)
                            .put(PATH, "{\"enabled\": false, \"reason\": \"it: off\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(apply.applyDue()).isZero();
            assertThat(weightChanges(strategy)).isZero();

            // Switched on by a named operator: the switch's audit names her.
            HttpResponse<String> on =
                    api.as(TestTokens.ALICE).put(PATH, "{\"enabled\": true, \"reason\": \"it: advice reviewed\"}");
            assertThat(on.statusCode()).isEqualTo(200);
            assertThat(json.readTree(on.body()).get("enabled").asBoolean()).isTrue();
            // n = 60, mean 0.004, s = 0.002·√(60/59): shrunk 0.004·60/110 = 0.0021818, lower bound
            // 0.0021818 - 1.2816·s/√60 = 0.0018481, weight 0.0018481 / 0.002 = 0.9241
            double advised = advisedWeight(api, strategy);
            assertThat(advised).isCloseTo(0.9241, org.assertj.core.data.Offset.offset(5e-5));

            assertThat(apply.applyDue()).isPositive();
            StrategyCommandEvent command = CODEC.decode(
                    commands.awaitMatching(1, r -> r.value().contains(strategy), WAIT)
                            .getFirst()
                            .value(),
                    StrategyCommandEvent.class);
            assertThat(command).isInstanceOfSatisfying(SetStrategyWeight.class, weight -> {
                assertThat(weight.strategyId()).isEqualTo(strategy);
                assertThat(weight.weight())
                        .isEqualTo(BigDecimal.valueOf(advised)
                                .setScale(4, RoundingMode.HALF_EVEN)
                                .doubleValue());
                assertThat(weight.reason())
                        .startsWith("weight advice auto-applied: none sent before -> ")
                        .contains("n=60");
                assertThat(weight.requestedBy()).contains("monitor");
            });

            // Nothing moved: the next round decides (records) and sends nothing more for it.
            apply.applyDue();
            assertThat(weightChanges(strategy)).isEqualTo(1);
            assertThat(commands.poll())
                    .filteredOn(r -> r.value().contains(strategy))
                    .hasSize(1);
        }

        Map<String, Object> change = jdbc.sql("SELECT * FROM monitor.weight_changes WHERE strategy_id = :s")
                .param("s", strategy)
                .query()
                .singleRow();
        assertThat(change)
                .containsEntry("previous_weight", null)
                .containsEntry("sample_size", 60)
                .containsEntry("basis", "MEASURED")
                .containsEntry("horizon_seconds", 14400L);
        assertThat(change.get("announced_at")).isNotNull();
        assertThat((String) change.get("reason")).contains("n=60", "mean 0.00400");
        Map<String, Object> switched = jdbc.sql("""
                        SELECT * FROM monitor.advice_auto_apply_switches ORDER BY seq DESC LIMIT 1""").query().singleRow();
        assertThat(switched)
                .containsEntry("enabled", true)
                .containsEntry("reason", "it: advice reviewed")
                .containsEntry("changed_by", "alice");
        assertThat(jdbc.sql("""
                        SELECT changed_by FROM monitor.advice_auto_apply_switches WHERE reason = 'it: off'
                        ORDER BY seq DESC LIMIT 1""").query(String.class).single()).isEqualTo("operator");
        assertThat(switched.get("changed_at")).isNotNull();

        JsonNode view = json.readTree(api.getOk(PATH));
        assertThat(view.get("current").get("enabled").asBoolean()).isTrue();
        assertThat(view.get("changes").toString()).contains(strategy);
        assertThat(registry.find("peregrine.monitor.advice.weights.sent")
                        .tag("strategy", strategy)
                        .counter())
                .isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0));
    }

    @Test
    void theOpenApiDescriptionIsServedToAViewerAndMatchesTheControllers() throws Exception {
        OpenApiConformance.assertDescribesTheControllers(context, port, TestTokens.VIEWER);
    }

    private double advisedWeight(ServiceApi api, String strategy) throws Exception {
        for (JsonNode advice : json.readTree(api.getOk(
                "/api/v1/strategies/advice?from=" + Instant.now().minus(Duration.ofDays(30)) + "&horizon=4h"))) {
            if (advice.get("strategy").asString().equals(strategy)) {
                assertThat(advice.get("basis").asString()).isEqualTo("MEASURED");
                return advice.get("weight").asDouble();
            }
        }
        throw new AssertionError("no advice for " + strategy);
    }

    private long weightChanges(String strategy) {
        return jdbc.sql("SELECT count(*) FROM monitor.weight_changes WHERE strategy_id = :s")
                .param("s", strategy)
                .query(Long.class)
                .single();
    }

    private ServiceApi api() {
        return ServiceApi.at(port).asViewer();
    }
}
