package dev.peregrine.monitor.adapter.out.jdbc.quality;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;

import dev.peregrine.common.event.Grade;
import dev.peregrine.monitor.application.quality.MeasuredOutcomes;
import dev.peregrine.monitor.application.quality.OutcomeQuery;
import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import dev.peregrine.monitor.domain.quality.OutcomeFilter;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Measured rows of {@code monitor.signal_outcomes}, filtered in SQL, in signal-time order. */
@Repository
public class JdbcMeasuredOutcomes implements MeasuredOutcomes {

    private final JdbcClient jdbc;

    public JdbcMeasuredOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MeasuredOutcome> find(OutcomeQuery query) {
        OutcomeFilter f = query.filter();
        return jdbc.sql("""
                        SELECT strategy_id, symbol, grade, regime, confidence, strength, net_return, hit, signal_close_time
                        FROM monitor.signal_outcomes
                        WHERE status = 'MEASURED' AND horizon_seconds = :horizon
                          AND (CAST(:strategy AS text) IS NULL OR strategy_id = :strategy)
                          AND (CAST(:symbol AS text) IS NULL OR symbol = :symbol)
                          AND (CAST(:grade AS text) IS NULL OR grade = :grade)
                          AND (CAST(:regime AS text) IS NULL OR coalesce(regime, 'UNCLASSIFIED') = :regime)
                          AND (CAST(:from AS timestamptz) IS NULL OR signal_close_time >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR signal_close_time < :to)
                        ORDER BY signal_close_time, strategy_id, signal_id
                        LIMIT :limit""")
                .param("horizon", query.horizon().toSeconds())
                .param("strategy", f.strategy(), Types.VARCHAR)
                .param("symbol", f.symbol(), Types.VARCHAR)
                .param("grade", f.grade() == null ? null : f.grade().name(), Types.VARCHAR)
                .param("regime", f.regime(), Types.VARCHAR)
                .param(
                        "from",
                        f.from() == null ? null : OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .param(
                        "to",
                        f.to() == null ? null : OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .param("limit", MAX_OUTCOMES)
                .query((rs, rowNum) -> new MeasuredOutcome(
                        rs.getString("strategy_id"),
                        rs.getString("symbol"),
                        Grade.valueOf(rs.getString("grade")),
                        rs.getString("regime"),
                        rs.getDouble("confidence"),
                        rs.getInt("strength"),
                        rs.getBigDecimal("net_return").doubleValue(),
                        rs.getBoolean("hit"),
                        instant(rs, "signal_close_time")))
                .list();
    }

    @Override
    public Set<String> strategies(Duration horizon) {
        return new TreeSet<>(jdbc.sql("""
                        SELECT DISTINCT strategy_id FROM monitor.signal_outcomes
                        WHERE status = 'MEASURED' AND horizon_seconds = :horizon""")
                .param("horizon", horizon.toSeconds())
                .query(String.class)
                .list());
    }
}
