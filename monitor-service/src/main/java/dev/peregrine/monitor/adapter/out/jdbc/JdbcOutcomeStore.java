package dev.peregrine.monitor.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;
import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.application.port.out.OutcomeStore;
import dev.peregrine.monitor.domain.outcome.OutcomeCandle;
import dev.peregrine.monitor.domain.outcome.OutcomeFlag;
import dev.peregrine.monitor.domain.outcome.OutcomeMeasurement;
import dev.peregrine.monitor.domain.outcome.PendingOutcome;
import dev.peregrine.monitor.domain.outcome.StoredOutcome;
import dev.peregrine.monitor.domain.outcome.UnmeasurableOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link OutcomeStore} on PostgreSQL: {@code monitor.signal_outcomes} and {@code monitor.outcome_candles}. */
@Repository
public class JdbcOutcomeStore implements OutcomeStore {

    private static final String PENDING_COLUMNS = """
            signal_id, horizon_seconds, signal_event_id, correlation_id, strategy_id, symbol, "interval", side, grade,
            strength, confidence, action, tradeable, regime, signal_close_time""";

    private static final String MEASURED_COLUMNS = PENDING_COLUMNS + """
            , event_id, entry_time, entry_price, exit_time, exit_price, exit_candle_close, gross_return, round_trip_cost,
            net_return, max_favourable_excursion, max_adverse_excursion, flags, measured_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcOutcomeStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int savePending(List<PendingOutcome> pending) {
        int added = 0;
        for (PendingOutcome p : pending) {
            added += jdbc.sql("insert into monitor.signal_outcomes (" + PENDING_COLUMNS + """
                            , status, received_at) values (:signalId, :horizon, :signalEventId, :correlationId, :strategyId,
                              :symbol, :interval, :side, :grade, :strength, :confidence, :action, :tradeable, :regime,
                              :signalCloseTime, 'PENDING', :receivedAt)
                            on conflict do nothing""")
                    .param("signalId", p.signalId())
                    .param("horizon", p.horizon().toSeconds())
                    .param("signalEventId", p.signalEventId())
                    .param("correlationId", p.correlationId())
                    .param("strategyId", p.strategyId())
                    .param("symbol", p.symbol().value())
                    .param("interval", p.interval().code())
                    .param("side", p.side().name())
                    .param("grade", p.grade().name())
                    .param("strength", p.strength())
                    .param("confidence", p.confidence())
                    .param("action", p.action().name())
                    .param("tradeable", p.tradeable())
                    .param("regime", p.regime(), Types.VARCHAR)
                    .param("signalCloseTime", timestamptz(p.signalCloseTime()))
                    .param("receivedAt", timestamptz(clock.instant()))
                    .update();
        }
        return added;
    }

    @Override
    public boolean saveCandle(OutcomeCandle candle) {
        return jdbc.sql("""
                        insert into monitor.outcome_candles (symbol, "interval", open_time, close_time, open, high, low,
                          close, flagged, recorded_at)
                        values (:symbol, :interval, :openTime, :closeTime, :open, :high, :low, :close, :flagged, :recordedAt)
                        on conflict do nothing""")
                        .param("symbol", candle.symbol().value())
                        .param("interval", candle.interval().code())
                        .param("openTime", timestamptz(candle.openTime()))
                        .param("closeTime", timestamptz(candle.closeTime()))
                        .param("open", candle.open())
                        .param("high", candle.high())
                        .param("low", candle.low())
                        .param("close", candle.close())
                        .param("flagged", candle.flagged())
                        .param("recordedAt", timestamptz(clock.instant()))
                        .update()
                == 1;
    }

    @Override
    public Optional<Instant> latestCandleOpen(Symbol symbol, Interval interval) {
        return jdbc.sql("""
                        select max(open_time) from monitor.outcome_candles where symbol = :symbol and "interval" = :interval""")
                .param("symbol", symbol.value())
                .param("interval", interval.code())
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .single();
    }

    @Override
    public List<OutcomeCandle> candles(Symbol symbol, Interval interval, Instant fromOpen, Instant toOpen) {
        return jdbc.sql("""
                        select open_time, close_time, open, high, low, close, flagged from monitor.outcome_candles
                        where symbol = :symbol and "interval" = :interval and open_time between :from and :to
                        order by open_time""")
                .param("symbol", symbol.value())
                .param("interval", interval.code())
                .param("from", timestamptz(fromOpen))
                .param("to", timestamptz(toOpen))
                .query((rs, row) -> new OutcomeCandle(
                        symbol,
                        interval,
                        instant(rs, "open_time"),
                        instant(rs, "close_time"),
                        rs.getBigDecimal("open"),
                        rs.getBigDecimal("high"),
                        rs.getBigDecimal("low"),
                        rs.getBigDecimal("close"),
                        rs.getBoolean("flagged")))
                .list();
    }

    @Override
    public List<PendingOutcome> pendingDue(Symbol symbol, Interval interval, Instant latestOpen) {
        return jdbc.sql("select " + PENDING_COLUMNS + """
                         from monitor.signal_outcomes
                        where status = 'PENDING' and symbol = :symbol and "interval" = :interval
                          and signal_close_time <= :latest
                          and signal_close_time + horizon_seconds * interval '1 second' <= :latest
                        order by signal_close_time, signal_id, horizon_seconds""")
                .param("symbol", symbol.value())
                .param("interval", interval.code())
                .param("latest", timestamptz(latestOpen))
                .query(JdbcOutcomeStore::pending)
                .list();
    }

    @Override
    public List<Series> pendingSeries() {
        return jdbc.sql("select distinct symbol, \"interval\" from monitor.signal_outcomes where status = 'PENDING'")
                .query((rs, row) ->
                        new Series(Symbol.of(rs.getString("symbol")), Interval.fromCode(rs.getString("interval"))))
                .list();
    }

    @Override
    public Optional<Instant> oldestPending(Symbol symbol, Interval interval) {
        return jdbc.sql("""
                        select min(signal_close_time) from monitor.signal_outcomes
                        where status = 'PENDING' and symbol = :symbol and "interval" = :interval""")
                .param("symbol", symbol.value())
                .param("interval", interval.code())
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .single();
    }

    @Override
    public long pendingCount() {
        return jdbc.sql("select count(*) from monitor.signal_outcomes where status = 'PENDING'")
                .query(Long.class)
                .single();
    }

    @Override
    public boolean complete(StoredOutcome outcome) {
        OutcomeMeasurement m = outcome.measurement();
        return jdbc.sql("""
                        update monitor.signal_outcomes set status = 'MEASURED', event_id = :eventId, entry_time = :entryTime,
                          entry_price = :entryPrice, exit_time = :exitTime, exit_price = :exitPrice,
                          exit_candle_close = :exitCandleClose, gross_return = :gross, round_trip_cost = :cost,
                          net_return = :net, max_favourable_excursion = :mfe, max_adverse_excursion = :mae, hit = :hit,
                          flags = :flags, measured_at = :measuredAt
                        where signal_id = :signalId and horizon_seconds = :horizon and status = 'PENDING'""")
                        .param("eventId", outcome.eventId())
                        .param("entryTime", timestamptz(m.entryTime()))
                        .param("entryPrice", m.entryPrice())
                        .param("exitTime", timestamptz(m.exitTime()))
                        .param("exitPrice", m.exitPrice())
                        .param("exitCandleClose", timestamptz(m.exitCandleClose()))
                        .param("gross", m.grossReturn())
                        .param("cost", m.roundTripCost())
                        .param("net", m.netReturn())
                        .param("mfe", m.maxFavourableExcursion())
                        .param("mae", m.maxAdverseExcursion())
                        .param("hit", m.hit())
                        .param(
                                "flags",
                                m.flags().stream().map(OutcomeFlag::name).collect(Collectors.joining(",")))
                        .param("measuredAt", timestamptz(outcome.measuredAt()))
                        .param("signalId", outcome.pending().signalId())
                        .param("horizon", outcome.pending().horizon().toSeconds())
                        .update()
                == 1;
    }

    @Override
    public List<StoredOutcome> unpublished(int limit) {
        return jdbc.sql("select " + MEASURED_COLUMNS + """
                         from monitor.signal_outcomes where status = 'MEASURED' and published_at is null
                        order by measured_at, signal_id, horizon_seconds limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new StoredOutcome(
                        pending(rs, row),
                        new OutcomeMeasurement(
                                instant(rs, "entry_time"),
                                rs.getBigDecimal("entry_price"),
                                instant(rs, "exit_time"),
                                rs.getBigDecimal("exit_price"),
                                instant(rs, "exit_candle_close"),
                                rs.getBigDecimal("gross_return"),
                                rs.getBigDecimal("round_trip_cost"),
                                rs.getBigDecimal("net_return"),
                                rs.getBigDecimal("max_favourable_excursion"),
                                rs.getBigDecimal("max_adverse_excursion"),
                                flags(rs.getString("flags"))),
                        rs.getObject("event_id", UUID.class),
                        instant(rs, "measured_at")))
                .list();
    }

    @Override
    public void markPublished(List<StoredOutcome> outcomes, Instant publishedAt) {
        for (StoredOutcome outcome : outcomes) {
            jdbc.sql("""
                            update monitor.signal_outcomes set published_at = :publishedAt
                            where signal_id = :signalId and horizon_seconds = :horizon and published_at is null""")
                    .param("publishedAt", timestamptz(publishedAt))
                    .param("signalId", outcome.pending().signalId())
                    .param("horizon", outcome.pending().horizon().toSeconds())
                    .update();
        }
    }

    @Override
    public List<PendingOutcome> overdue(Duration after, Instant now, int limit) {
        return jdbc.sql("select " + PENDING_COLUMNS + """
                         from monitor.signal_outcomes o
                        where status = 'PENDING' and received_at <= :receivedBefore
                          and not exists (select 1 from monitor.outcome_candles c
                                          where c.symbol = o.symbol and c."interval" = o."interval"
                                            and c.recorded_at >= o.received_at + :afterSeconds * interval '1 second')
                        order by received_at, signal_id, horizon_seconds limit :limit""")
                .param("receivedBefore", timestamptz(now.minus(after)))
                .param("afterSeconds", after.toSeconds())
                .param("limit", limit)
                .query(JdbcOutcomeStore::pending)
                .list();
    }

    @Override
    public boolean expire(UnmeasurableOutcome outcome) {
        return jdbc.sql("""
                        update monitor.signal_outcomes set status = 'UNMEASURABLE', unmeasurable_reason = :reason,
                          unmeasurable_detail = :detail, expired_at = :expiredAt
                        where signal_id = :signalId and horizon_seconds = :horizon and status = 'PENDING'""")
                        .param("reason", outcome.reason().name())
                        .param("detail", outcome.detail())
                        .param("expiredAt", timestamptz(outcome.expiredAt()))
                        .param("signalId", outcome.pending().signalId())
                        .param("horizon", outcome.pending().horizon().toSeconds())
                        .update()
                == 1;
    }

    @Override
    public int pruneCandles(Symbol symbol, Interval interval, Instant before) {
        // One statement, so the deletion and its bound are stored together or not at all.
        return jdbc.sql("""
                        with deleted as (
                            delete from monitor.outcome_candles
                            where symbol = :symbol and "interval" = :interval and open_time < :before
                            returning 1),
                        bound as (
                            insert into monitor.outcome_candle_pruning (symbol, "interval", pruned_before)
                            values (:symbol, :interval, :before)
                            on conflict (symbol, "interval") do update
                                set pruned_before = greatest(monitor.outcome_candle_pruning.pruned_before,
                                                             excluded.pruned_before))
                        select count(*) from deleted""")
                .param("symbol", symbol.value())
                .param("interval", interval.code())
                .param("before", timestamptz(before))
                .query(Integer.class)
                .single();
    }

    @Override
    public Optional<Instant> prunedBefore(Symbol symbol, Interval interval) {
        return jdbc.sql("""
                        select pruned_before from monitor.outcome_candle_pruning
                        where symbol = :symbol and "interval" = :interval""")
                .param("symbol", symbol.value())
                .param("interval", interval.code())
                .query((rs, row) -> instant(rs, "pruned_before"))
                .optional();
    }

    private static PendingOutcome pending(ResultSet rs, int row) throws SQLException {
        return new PendingOutcome(
                rs.getObject("signal_id", UUID.class),
                Duration.ofSeconds(rs.getLong("horizon_seconds")),
                rs.getObject("signal_event_id", UUID.class),
                rs.getObject("correlation_id", UUID.class),
                rs.getString("strategy_id"),
                Symbol.of(rs.getString("symbol")),
                Interval.fromCode(rs.getString("interval")),
                Side.valueOf(rs.getString("side")),
                Grade.valueOf(rs.getString("grade")),
                rs.getInt("strength"),
                rs.getDouble("confidence"),
                RecommendedAction.valueOf(rs.getString("action")),
                rs.getBoolean("tradeable"),
                rs.getString("regime"),
                instant(rs, "signal_close_time"));
    }

    private static List<OutcomeFlag> flags(String flags) {
        return flags.isEmpty()
                ? List.of()
                : Arrays.stream(flags.split(",")).map(OutcomeFlag::valueOf).toList();
    }
}
