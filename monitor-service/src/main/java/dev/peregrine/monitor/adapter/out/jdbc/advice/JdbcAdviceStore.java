package dev.peregrine.monitor.adapter.out.jdbc.advice;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;
import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.monitor.application.advice.port.out.AdviceStore;
import dev.peregrine.monitor.domain.advice.AutoApplySwitch;
import dev.peregrine.monitor.domain.advice.WeightChange;
import dev.peregrine.monitor.domain.degradation.WeightAdvice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link AdviceStore} on PostgreSQL: {@code monitor.advice_auto_apply_switches} and {@code monitor.weight_changes}. */
@Repository
public class JdbcAdviceStore implements AdviceStore {

    private static final String SWITCH_COLUMNS = "enabled, reason, changed_by, changed_at";
    private static final String CHANGE_COLUMNS = """
            change_id, strategy_id, previous_weight, weight, basis, sample_size, mean, shrunk_mean, lower_bound,
            horizon_seconds, window_start, decided_at""";

    private static final RowMapper<AutoApplySwitch> SWITCHES = (rs, row) -> new AutoApplySwitch(
            rs.getBoolean("enabled"), rs.getString("reason"), rs.getString("changed_by"), instant(rs, "changed_at"));

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public JdbcAdviceStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Optional<AutoApplySwitch> currentSwitch() {
        return switches(1).stream().findFirst();
    }

    @Override
    public void recordSwitch(AutoApplySwitch change) {
        jdbc.sql("INSERT INTO monitor.advice_auto_apply_switches (" + SWITCH_COLUMNS
                        + ") VALUES (:enabled, :reason, :by, :at)")
                .param("enabled", change.enabled())
                .param("reason", change.reason())
                .param("by", change.changedBy())
                .param("at", timestamptz(change.changedAt()))
                .update();
    }

    @Override
    public List<AutoApplySwitch> switches(int limit) {
        return jdbc.sql("SELECT " + SWITCH_COLUMNS
                        + " FROM monitor.advice_auto_apply_switches ORDER BY seq DESC LIMIT :limit")
                .param("limit", limit)
                .query(SWITCHES)
                .list();
    }

    @Override
    public Map<String, Double> lastWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (strategy_id) strategy_id, weight FROM monitor.weight_changes
                        ORDER BY strategy_id, seq DESC""").query(rs -> {
            weights.put(rs.getString("strategy_id"), rs.getDouble("weight"));
        });
        return weights;
    }

    @Override
    public void record(List<WeightChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> changes.forEach(this::insert));
    }

    private void insert(WeightChange change) {
        WeightAdvice evidence = change.evidence();
        jdbc.sql("INSERT INTO monitor.weight_changes (" + CHANGE_COLUMNS + """
                        , reason) VALUES (:id, :strategy, :previous, :weight, :basis, :n, :mean, :shrunk, :lower,
                          :horizon, :windowStart, :decidedAt, :reason)""")
                .param("id", change.changeId())
                .param("strategy", change.strategyId())
                .param(
                        "previous",
                        change.previous().isPresent() ? change.previous().getAsDouble() : null,
                        Types.DOUBLE)
                .param("weight", change.weight())
                .param("basis", evidence.basis().name())
                .param("n", evidence.sampleSize())
                .param("mean", evidence.mean())
                .param("shrunk", evidence.shrunkMean())
                .param("lower", evidence.lowerBound())
                .param("horizon", change.horizon().toSeconds())
                .param(
                        "windowStart",
                        change.windowStart() == null ? null : timestamptz(change.windowStart()),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .param("decidedAt", timestamptz(change.decidedAt()))
                .param("reason", change.reason())
                .update();
    }

    @Override
    public List<WeightChange> unannounced() {
        return jdbc.sql("SELECT " + CHANGE_COLUMNS
                        + " FROM monitor.weight_changes WHERE announced_at IS NULL ORDER BY seq")
                .query(JdbcAdviceStore::change)
                .list();
    }

    @Override
    public void markAnnounced(UUID changeId, Instant at) {
        jdbc.sql("UPDATE monitor.weight_changes SET announced_at = :at WHERE change_id = :id AND announced_at IS NULL")
                .param("id", changeId)
                .param("at", timestamptz(at))
                .update();
    }

    @Override
    public List<WeightChange> recent(int limit) {
        return jdbc.sql("SELECT " + CHANGE_COLUMNS + " FROM monitor.weight_changes ORDER BY seq DESC LIMIT :limit")
                .param("limit", limit)
                .query(JdbcAdviceStore::change)
                .list();
    }

    private static WeightChange change(ResultSet rs, int row) throws SQLException {
        double previous = rs.getDouble("previous_weight");
        OptionalDouble before = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(previous);
        String strategy = rs.getString("strategy_id");
        WeightAdvice evidence = new WeightAdvice(
                strategy,
                rs.getDouble("weight"),
                WeightAdvice.Basis.valueOf(rs.getString("basis")),
                rs.getInt("sample_size"),
                rs.getDouble("mean"),
                rs.getDouble("shrunk_mean"),
                rs.getDouble("lower_bound"));
        OffsetDateTime windowStart = rs.getObject("window_start", OffsetDateTime.class);
        return new WeightChange(
                rs.getObject("change_id", UUID.class),
                strategy,
                before,
                rs.getDouble("weight"),
                evidence,
                Duration.ofSeconds(rs.getLong("horizon_seconds")),
                windowStart == null ? null : windowStart.toInstant(),
                instant(rs, "decided_at"));
    }
}
