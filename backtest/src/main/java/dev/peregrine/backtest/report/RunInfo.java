package dev.peregrine.backtest.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a backtest run covered: the report's header and the base of its returns.
 *
 * @param from          first candle's open time included (inclusive)
 * @param to            end of the period (exclusive)
 * @param startingCash  the portfolio's cash before the first candle: the base of every return in the report
 * @param candles       candles replayed over all symbols
 * @param configuration where the engine configuration came from (a file name, or "defaults")
 */
public record RunInfo(
        List<String> symbols,
        String interval,
        Instant from,
        Instant to,
        BigDecimal startingCash,
        long candles,
        String configuration) {

    public RunInfo {
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(configuration, "configuration");
        if (startingCash.signum() <= 0) {
            throw new IllegalArgumentException("starting cash must be positive: " + startingCash.toPlainString());
        }
    }
}
