package dev.peregrine.monitor.domain.outcome;

import dev.peregrine.common.value.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The forward return of a signal, defined exactly as {@code SignalGradeReport.forwardReturnBps} so that the live
 * monitor and the offline report can be compared:
 * <ul>
 *   <li>entry: the open of the first candle after the signal's candle (the next candle there is, even after a gap);</li>
 *   <li>exit: the open of the first candle whose open time is at least {@code horizon} after the entry's (so a missing
 *   candle moves the exit to the next available open rather than shortening the horizon);</li>
 *   <li>gross return {@code (exit - entry) / entry}, negated for SELL; net return = gross - round-trip cost;
 *   hit = net &gt; 0;</li>
 *   <li>excursions over the candles held, entry candle included, exit candle excluded: favourable from the highs
 *   (BUY) or lows (SELL), adverse from the other side, each relative to the entry and in the signal's direction.</li>
 * </ul>
 * Returns are rounded half-even to {@value #SCALE} decimals (10<sup>-4</sup> bps).
 */
public final class ForwardReturn {

    public static final int SCALE = 8;

    private final BigDecimal roundTripCost;

    public ForwardReturn(BigDecimal roundTripCost) {
        Objects.requireNonNull(roundTripCost, "roundTripCost");
        if (roundTripCost.signum() < 0) {
            throw new IllegalArgumentException("roundTripCost must not be negative: " + roundTripCost);
        }
        this.roundTripCost = roundTripCost.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    public BigDecimal roundTripCost() {
        return roundTripCost;
    }

    /**
     * Measures {@code pending} against {@code candles} (one symbol and interval, any order, no duplicate open times);
     * empty while the entry or exit candle has not closed yet.
     */
    public Optional<OutcomeMeasurement> measure(PendingOutcome pending, List<OutcomeCandle> candles) {
        List<OutcomeCandle> after = new ArrayList<>();
        for (OutcomeCandle candle : candles) {
            if (candle.closeTime().isAfter(pending.signalCloseTime())) {
                after.add(candle);
            }
        }
        after.sort((a, b) -> a.openTime().compareTo(b.openTime()));
        if (after.isEmpty()) {
            return Optional.empty();
        }
        OutcomeCandle entry = after.getFirst();
        Instant target = entry.openTime().plus(pending.horizon());
        int exitIndex = -1;
        for (int i = 1; i < after.size(); i++) {
            if (!after.get(i).openTime().isBefore(target)) {
                exitIndex = i;
                break;
            }
        }
        if (exitIndex < 0) {
            return Optional.empty();
        }
        OutcomeCandle exit = after.get(exitIndex);
        List<OutcomeCandle> held = after.subList(0, exitIndex);

        BigDecimal entryPrice = entry.open();
        BigDecimal highest =
                held.stream().map(OutcomeCandle::high).reduce(BigDecimal::max).orElseThrow();
        BigDecimal lowest =
                held.stream().map(OutcomeCandle::low).reduce(BigDecimal::min).orElseThrow();
        boolean buy = pending.side() == Side.BUY;
        BigDecimal gross = directed(pending.side(), exit.open(), entryPrice);
        BigDecimal favourable =
                directed(pending.side(), buy ? highest : lowest, entryPrice).max(BigDecimal.ZERO.setScale(SCALE));
        BigDecimal adverse =
                directed(pending.side(), buy ? lowest : highest, entryPrice).min(BigDecimal.ZERO.setScale(SCALE));

        Set<OutcomeFlag> flags = EnumSet.noneOf(OutcomeFlag.class);
        if (missingCandle(pending, after.subList(0, exitIndex + 1), target)) {
            flags.add(OutcomeFlag.GAP);
        }
        if (after.subList(0, exitIndex + 1).stream().anyMatch(OutcomeCandle::flagged)) {
            flags.add(OutcomeFlag.QUALITY_FLAGGED);
        }
        return Optional.of(new OutcomeMeasurement(
                entry.openTime(),
                entryPrice,
                exit.openTime(),
                exit.open(),
                exit.closeTime(),
                gross,
                roundTripCost,
                gross.subtract(roundTripCost),
                favourable,
                adverse,
                List.copyOf(flags)));
    }

    /** {@code (price - entry) / entry} in the side's direction, rounded to {@link #SCALE}. */
    static BigDecimal directed(Side side, BigDecimal price, BigDecimal entry) {
        BigDecimal change = side == Side.BUY ? price.subtract(entry) : entry.subtract(price);
        return change.divide(entry, SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * Whether a candle is missing from the signal's candle to the exit: the entry does not follow the signal's close
     * (within Binance's 1 ms between a close time and the next open), consecutive candles are more than one interval
     * apart, or the exit opens later than the horizon asks.
     */
    private static boolean missingCandle(PendingOutcome pending, List<OutcomeCandle> entryToExit, Instant target) {
        if (entryToExit.getFirst().openTime().isAfter(pending.signalCloseTime().plusMillis(1))) {
            return true;
        }
        long step = pending.interval().millis();
        for (int i = 1; i < entryToExit.size(); i++) {
            long apart = entryToExit.get(i).openTime().toEpochMilli()
                    - entryToExit.get(i - 1).openTime().toEpochMilli();
            if (apart > step) {
                return true;
            }
        }
        return entryToExit.getLast().openTime().isAfter(target);
    }
}
