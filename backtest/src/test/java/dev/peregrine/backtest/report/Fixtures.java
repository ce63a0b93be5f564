package dev.peregrine.backtest.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Small hand-made report inputs for the report's unit tests (test data, not results). */
final class Fixtures {

    private Fixtures() {}

    static EquityPoint equity(String time, String value) {
        return new EquityPoint(Instant.parse(time), new BigDecimal(value));
    }

    static TradeRow trade(
            String symbol, String strategy, String grade, String entry, String exit, String pnl, String reason) {
        return new TradeRow(
                symbol,
                "BUY",
                strategy,
                grade,
                Instant.parse("2024-01-10T00:00:00Z"),
                new BigDecimal(entry),
                Instant.parse("2024-01-11T00:00:00Z"),
                new BigDecimal(exit),
                new BigDecimal("2"),
                new BigDecimal("0.2"),
                new BigDecimal(pnl),
                reason);
    }

    static ReportData data(String symbol, String strategy) {
        RunInfo run = new RunInfo(
                List.of(symbol),
                "15m",
                Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-03-01T00:00:00Z"),
                new BigDecimal("1000"),
                4,
                "defaults");
        List<EquityPoint> equity = List.of(
                equity("2024-01-10T00:00:00Z", "1100"),
                equity("2024-01-31T23:45:00Z", "1050"),
                equity("2024-02-15T00:00:00Z", "1155"),
                equity("2024-02-29T00:00:00Z", "1039.5"));
        List<TradeRow> trades = List.of(
                trade(symbol, strategy, "A", "100", "110", "19.8", "TAKE_PROFIT"),
                trade(symbol, strategy, "B", "100", "95", "-10.2", "STOP, \"hit\""));
        List<SignalRow> signals = List.of(
                new SignalRow(Instant.parse("2024-01-10T00:00:00Z"), symbol, strategy, "A", true),
                new SignalRow(Instant.parse("2024-01-10T00:00:00Z"), symbol, strategy, "B", true),
                new SignalRow(Instant.parse("2024-01-12T00:00:00Z"), symbol, strategy, "B", false));
        PriceSeries prices = new PriceSeries(
                symbol,
                new long[] {
                    Instant.parse("2024-01-10T00:00:00Z").toEpochMilli(),
                    Instant.parse("2024-01-11T00:00:00Z").toEpochMilli()
                },
                new double[] {100, 110});
        return new ReportData(
                run,
                equity,
                trades,
                signals,
                List.of(prices),
                new BigDecimal("0.4"),
                java.util.Map.of("approved", 2L, "denied: <b>MAX_OPEN_POSITIONS</b>", 1L));
    }
}
