package dev.peregrine.monitor.adapter.out.jdbc.report;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Severity;
import dev.peregrine.monitor.application.quality.MeasuredOutcomes;
import dev.peregrine.monitor.application.report.ReportSource;
import dev.peregrine.monitor.application.report.SendReportsService;
import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import dev.peregrine.monitor.domain.report.ClosedTrade;
import dev.peregrine.monitor.domain.report.PauseDecision;
import dev.peregrine.monitor.domain.report.PeriodFacts;
import dev.peregrine.monitor.domain.report.RaisedAlert;
import dev.peregrine.monitor.domain.report.ReportPeriod;
import dev.peregrine.monitor.domain.report.SignalCount;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A period's facts from the monitor's tables, each list in time order. */
@Repository
public class JdbcReportSource implements ReportSource {

    /** The most alerts a report lists; the counts per severity are of these. */
    static final int MAX_ALERTS = 1000;

    private final JdbcClient jdbc;

    public JdbcReportSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PeriodFacts facts(Duration horizon, Instant from, Instant to) {
        return new PeriodFacts(
                signals(from, to),
                outcomes(horizon, from, to),
                trades(from, to),
                decisions(from, to),
                alerts(from, to));
    }

    private List<SignalCount> signals(Instant from, Instant to) {
        return span(jdbc.sql("""
                        SELECT strategy_id, count(DISTINCT signal_id) AS signals,
                               count(DISTINCT signal_id) FILTER (WHERE tradeable) AS tradeable
                        FROM monitor.signal_outcomes
                        WHERE signal_close_time >= :from AND signal_close_time < :to
                        GROUP BY strategy_id ORDER BY strategy_id"""), from, to)
                .query((rs, n) ->
                        new SignalCount(rs.getString("strategy_id"), rs.getInt("signals"), rs.getInt("tradeable")))
                .list();
    }

    private List<MeasuredOutcome> outcomes(Duration horizon, Instant from, Instant to) {
        return span(jdbc.sql("""
                        SELECT strategy_id, symbol, grade, regime, confidence, strength, net_return, hit, signal_close_time
                        FROM monitor.signal_outcomes
                        WHERE status = 'MEASURED' AND horizon_seconds = :horizon
                          AND exit_candle_close >= :from AND exit_candle_close < :to
                        ORDER BY signal_close_time, strategy_id, signal_id
                        LIMIT :limit"""), from, to)
                .param("horizon", horizon.toSeconds())
                .param("limit", MeasuredOutcomes.MAX_OUTCOMES)
                .query((rs, n) -> new MeasuredOutcome(
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

    private List<ClosedTrade> trades(Instant from, Instant to) {
        return span(jdbc.sql("""
                        SELECT strategy_id, closed_at, realised_pnl, fees, pnl_currency FROM monitor.trade_outcomes
                        WHERE closed_at >= :from AND closed_at < :to ORDER BY closed_at, position_id"""), from, to)
                .query((rs, n) -> new ClosedTrade(
                        rs.getString("strategy_id"),
                        instant(rs, "closed_at"),
                        rs.getBigDecimal("realised_pnl"),
                        rs.getBigDecimal("fees"),
                        rs.getString("pnl_currency")))
                .list();
    }

    private List<PauseDecision> decisions(Instant from, Instant to) {
        return span(jdbc.sql("""
                        SELECT strategy_id, action, evidence, decided_at FROM monitor.health_decisions
                        WHERE decided_at >= :from AND decided_at < :to ORDER BY decided_at, decision_id"""), from, to)
                .query((rs, n) -> new PauseDecision(
                        rs.getString("strategy_id"),
                        rs.getString("action"),
                        rs.getString("evidence"),
                        instant(rs, "decided_at")))
                .list();
    }

    private List<RaisedAlert> alerts(Instant from, Instant to) {
        return span(jdbc.sql("""
                        SELECT severity, source, code, subject, event_time FROM monitor.alerts
                        WHERE event_time >= :from AND event_time < :to
                          AND NOT (source = :self AND code IN (:daily, :weekly))
                        ORDER BY event_time, alert_id LIMIT :limit"""), from, to)
                .param("self", SendReportsService.SOURCE)
                .param("daily", SendReportsService.code(ReportPeriod.Kind.DAILY))
                .param("weekly", SendReportsService.code(ReportPeriod.Kind.WEEKLY))
                .param("limit", MAX_ALERTS)
                .query((rs, n) -> new RaisedAlert(
                        Severity.valueOf(rs.getString("severity")),
                        rs.getString("source"),
                        rs.getString("code"),
                        rs.getString("subject"),
                        instant(rs, "event_time")))
                .list();
    }

    private static JdbcClient.StatementSpec span(JdbcClient.StatementSpec sql, Instant from, Instant to) {
        return sql.param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }
}
