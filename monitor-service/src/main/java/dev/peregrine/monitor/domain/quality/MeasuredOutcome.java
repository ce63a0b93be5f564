package dev.peregrine.monitor.domain.quality;

import dev.peregrine.common.event.Grade;
import java.time.Instant;
import java.util.Objects;

/**
 * One signal's measured result reduced to what the quality statistics need, so that the statistics depend on
 * neither the event nor the store and can be tested with plain values.
 *
 * @param strategy   strategy id
 * @param symbol     instrument, e.g. {@code BTCUSDT}
 * @param grade      the validation's grade
 * @param regime     the market regime the signal was judged in; {@link #UNCLASSIFIED} when the producer gave none
 * @param confidence the validation's confidence that the signal hits, 0..1
 * @param strength   the validation's strength score, 0..100
 * @param netReturn  return in the signal's direction after the round-trip cost, as a fraction (0.001 = 10 bps)
 * @param hit        whether the outcome counted as a hit, as the measurement decided it
 * @param time       when the signal was issued; orders the series for drawdown and windows
 */
public record MeasuredOutcome(
        String strategy,
        String symbol,
        Grade grade,
        String regime,
        double confidence,
        double strength,
        double netReturn,
        boolean hit,
        Instant time) {

    public static final String UNCLASSIFIED = "UNCLASSIFIED";

    public MeasuredOutcome {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(time, "time");
        regime = regime == null || regime.isBlank() ? UNCLASSIFIED : regime;
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        if (!(strength >= 0 && strength <= 100)) {
            throw new IllegalArgumentException("strength must be within 0..100: " + strength);
        }
        if (!Double.isFinite(netReturn)) {
            throw new IllegalArgumentException("netReturn must be finite: " + netReturn);
        }
    }
}
