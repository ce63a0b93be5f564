package dev.peregrine.monitor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes rows of {@code monitor.signal_outcomes} as measured and already published (the outbox leaves them alone):
 * a BUY of grade B, strength 70, confidence 0.7 on QLTUSDT 15m, a hit when the net return is positive.
 */
public final class MeasuredOutcomeRows {

    private final JdbcClient jdbc;

    public MeasuredOutcomeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One measured row whose signal candle closed at {@code close} and whose exit is {@code horizonSeconds} later. */
    public UUID insert(String strategy, String netReturn, Instant close, long horizonSeconds) {
        UUID id = UUID.randomUUID();
        BigDecimal net = new BigDecimal(netReturn);
        jdbc.sql("""
                        INSERT INTO monitor.signal_outcomes (signal_id, horizon_seconds, status, signal_event_id,
                          correlation_id, strategy_id, symbol, "interval", side, grade, strength, confidence, action,
                          tradeable, regime, signal_close_time, received_at, event_id, entry_time, entry_price, exit_time,
                          exit_price, exit_candle_close, gross_return, round_trip_cost, net_return,
                          max_favourable_excursion, max_adverse_excursion, hit, flags, measured_at, published_at)
                        VALUES (:id, :horizon, 'MEASURED', :id, :id, :strategy, 'QLTUSDT', '15m', 'BUY', 'B', 70, 0.7,
                          'TRADE', true, 'TRENDING_LOW', :close, :close, :id, :close, 100, :exit, 101, :exit, :gross,
                          0.002, :net, 0.02, -0.02, :hit, '', :exit, :exit)""")
                .param("id", id)
                .param("horizon", horizonSeconds)
                .param("strategy", strategy)
                .param("close", OffsetDateTime.ofInstant(close, ZoneOffset.UTC))
                .param("exit", OffsetDateTime.ofInstant(close.plusSeconds(horizonSeconds), ZoneOffset.UTC))
                .param("gross", net.add(new BigDecimal("0.002")))
                .param("net", net)
                .param("hit", net.signum() > 0)
                .update();
        return id;
    }
}
