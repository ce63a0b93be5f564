package dev.peregrine.monitor.adapter.out.jdbc.health;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;
import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.monitor.application.health.HealthDecision;
import dev.peregrine.monitor.application.health.StrategyHealth;
import dev.peregrine.monitor.application.health.StrategyHealthStore;
import dev.peregrine.monitor.domain.degradation.CusumState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The rule's state per strategy as JSON, the judged outcomes and the decisions, written in one transaction. */
@Repository
public class JdbcStrategyHealthStore implements StrategyHealthStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final RowMapper<StrategyHealth> healthMapper = (rs, rowNum) -> new StrategyHealth(
            rs.getString("strategy_id"), json.readValue(rs.getString("state"), CusumState.class),
            rs.getBoolean("paused"), instant(rs, "updated_at"));

    public JdbcStrategyHealthStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<StrategyHealth> find(String strategyId) {
        return jdbc.sql("SELECT strategy_id, state::text AS state, paused, updated_at FROM monitor.strategy_health"
                        + " WHERE strategy_id = :id")
                .param("id", strategyId)
                .query(healthMapper)
                .optional();
    }

    @Override
    public boolean record(String outcomeKey, StrategyHealth health, Optional<HealthDecision> decision) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (jdbc.sql("""
                            INSERT INTO monitor.judged_outcomes (outcome_key, strategy_id, judged_at)
                            VALUES (:key, :strategy, :at) ON CONFLICT DO NOTHING""")
                            .param("key", outcomeKey)
                            .param("strategy", health.strategyId())
                            .param("at", timestamptz(clock.instant()))
                            .update()
                    == 0) {
                return false;
            }
            jdbc.sql("""
                            INSERT INTO monitor.strategy_health (strategy_id, state, paused, updated_at)
                            VALUES (:id, CAST(:state AS jsonb), :paused, :at)
                            ON CONFLICT (strategy_id) DO UPDATE SET state = EXCLUDED.state, paused = EXCLUDED.paused,
                              updated_at = EXCLUDED.updated_at""")
                    .param("id", health.strategyId())
                    .param("state", json.writeValueAsString(health.state()))
                    .param("paused", health.paused())
                    .param("at", timestamptz(health.updatedAt()))
                    .update();
            decision.ifPresent(d -> jdbc.sql("""
                            INSERT INTO monitor.health_decisions (decision_id, strategy_id, action, evidence, decided_at)
                            VALUES (:id, :strategy, :action, :evidence, :at) ON CONFLICT DO NOTHING""")
                    .param("id", d.decisionId())
                    .param("strategy", d.strategyId())
                    .param("action", d.action().name())
                    .param("evidence", d.evidence())
                    .param("at", timestamptz(d.at()))
                    .update());
            return true;
        }));
    }

    @Override
    public List<HealthDecision> unannounced() {
        return jdbc.sql("""
                        SELECT decision_id, strategy_id, action, evidence, decided_at FROM monitor.health_decisions
                        WHERE announced_at IS NULL ORDER BY decided_at, decision_id""")
                .query((rs, rowNum) -> new HealthDecision(
                        rs.getObject("decision_id", UUID.class),
                        rs.getString("strategy_id"),
                        HealthDecision.Action.valueOf(rs.getString("action")),
                        rs.getString("evidence"),
                        instant(rs, "decided_at")))
                .list();
    }

    @Override
    public void markAnnounced(UUID decisionId, Instant at) {
        jdbc.sql("UPDATE monitor.health_decisions SET announced_at = :at WHERE decision_id = :id")
                .param("id", decisionId)
                .param("at", timestamptz(at))
                .update();
    }

    @Override
    public List<StrategyHealth> all() {
        return jdbc.sql("SELECT strategy_id, state::text AS state, paused, updated_at FROM monitor.strategy_health"
                        + " ORDER BY strategy_id")
                .query(healthMapper)
                .list();
    }
}
