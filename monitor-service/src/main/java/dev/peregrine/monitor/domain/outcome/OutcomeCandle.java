package dev.peregrine.monitor.domain.outcome;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a closed candle outcomes need.
 *
 * @param flagged whether ingest's data-quality stage attached a flag to it
 */
public record OutcomeCandle(
        Symbol symbol,
        Interval interval,
        Instant openTime,
        Instant closeTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        boolean flagged) {

    public OutcomeCandle {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
    }

    public static OutcomeCandle of(CandleClosed candle) {
        return new OutcomeCandle(
                candle.symbol(),
                candle.interval(),
                candle.openTime(),
                candle.closeTime(),
                candle.open().value(),
                candle.high().value(),
                candle.low().value(),
                candle.close().value(),
                candle.flagged());
    }

    /**
     * Why this candle cannot be measured against, if it cannot: its prices must be positive with the low below and
     * the high above both open and close, or the excursions would be nonsense.
     */
    public Optional<String> problem() {
        if (low.signum() <= 0 || open.signum() <= 0 || close.signum() <= 0) {
            return Optional.of("NON_POSITIVE_PRICE");
        }
        if (high.compareTo(open.max(close)) < 0 || low.compareTo(open.min(close)) > 0) {
            return Optional.of("INCONSISTENT_OHLC");
        }
        return Optional.empty();
    }
}
