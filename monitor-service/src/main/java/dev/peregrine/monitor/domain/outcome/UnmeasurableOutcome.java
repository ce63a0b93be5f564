package dev.peregrine.monitor.domain.outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A pending outcome given up at its deadline: its candles never arrived. It is neither a hit nor a miss and is left out
 * of every statistic; only the monitor's own table records it (the {@code SignalOutcomeMeasured} contract has no way
 * to say "unmeasurable").
 *
 * @param detail    one line saying what was missing, e.g. "no BTCUSDT 15m candle after the signal's within PT72H"
 * @param expiredAt when the monitor gave up
 */
public record UnmeasurableOutcome(PendingOutcome pending, UnmeasurableReason reason, String detail, Instant expiredAt) {

    public UnmeasurableOutcome {
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(expiredAt, "expiredAt");
    }

    /**
     * Gives up {@code pending} at once: its series' candles were deleted before {@code prunedBefore}, which is after
     * the signal's candle opened, so the candles it is measured from are gone (see {@link UnmeasurableReason#CANDLES_PRUNED}).
     */
    public static UnmeasurableOutcome pruned(PendingOutcome pending, Instant prunedBefore, Instant now) {
        return new UnmeasurableOutcome(
                pending,
                UnmeasurableReason.CANDLES_PRUNED,
                pending.symbol().value() + " " + pending.interval().code() + " candles before " + prunedBefore
                        + " were pruned before the signal of " + pending.signalCloseTime() + " arrived",
                now);
    }

    /**
     * Gives up {@code pending}, whose deadline {@code after} has passed, with the reason the series' candles show.
     *
     * @param latestCandleOpen open time of the latest stored candle of the signal's series, if any
     */
    public static UnmeasurableOutcome expire(
            PendingOutcome pending, Optional<Instant> latestCandleOpen, Duration after, Instant now) {
        String series = pending.symbol().value() + " " + pending.interval().code();
        // A candle opening after the signal candle's close is the entry candle or a later one.
        boolean entered = latestCandleOpen
                .filter(open -> open.isAfter(pending.signalCloseTime()))
                .isPresent();
        if (!entered) {
            return new UnmeasurableOutcome(
                    pending,
                    UnmeasurableReason.NO_CANDLES,
                    "no " + series + " candle after the signal's candle within " + after,
                    now);
        }
        return new UnmeasurableOutcome(
                pending,
                UnmeasurableReason.NO_EXIT_CANDLE,
                series + " candles stopped at " + latestCandleOpen.get() + ", before the " + pending.horizon()
                        + " exit, within " + after,
                now);
    }
}
