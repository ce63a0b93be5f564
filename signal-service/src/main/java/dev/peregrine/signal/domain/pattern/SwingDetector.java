package dev.peregrine.signal.domain.pattern;

import dev.peregrine.signal.domain.indicator.Atr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds swing highs and lows incrementally, one closed bar at a time, in O(k) per bar.
 *
 * <h2>Rule</h2>
 * Bar {@code i} is a swing high when its high is strictly above the highs of the {@code k} bars before it
 * and at least the highs of the {@code k} bars after it (a swing low mirrors this with lows). The asymmetric
 * tie rule makes a flat top of equal highs count once, at its first bar. A bar that is both (an outside bar)
 * counts only as the type that continues the alternation; with no swing yet it is skipped.
 *
 * <h2>Lag</h2>
 * Bar {@code i} can only be judged once bar {@code i + k} has closed, so every swing is confirmed exactly
 * {@code k} bars after its own bar ({@link SwingPoint#confirmedAtIndex()} {@code = barIndex + k}); the first
 * {@code 2k} bars can never confirm anything. Nothing about bar {@code i + k + 1} or later is ever used.
 *
 * <h2>Filtering and alternation (zig-zag)</h2>
 * Accepted swings alternate high, low, high, ...:
 * <ul>
 *   <li>a swing of the same type as the last accepted one replaces it when it is more extreme (a higher high,
 *       a lower low) and is dropped otherwise;</li>
 *   <li>a swing of the opposite type is accepted only when its distance from the last accepted swing is at
 *       least {@code max(minSizeAtr * ATR, minSizePercent % of the last swing's price)}, the ATR taken on the
 *       confirming bar;</li>
 *   <li>while the ATR is warming up (first {@code atrPeriod} bars) and {@code minSizeAtr > 0}, nothing is
 *       accepted: there is no yardstick for "tiny" yet.</li>
 * </ul>
 * Only the last {@code maxSwings} accepted swings are kept. Not thread-safe.
 */
public final class SwingDetector {

    private final SwingConfig config;
    private final int span;
    private final double[] highs;
    private final double[] lows;
    private final Instant[] openTimes;
    private final Atr atr;
    private final List<SwingPoint> swings = new ArrayList<>();
    private final List<SwingPoint> swingsView = Collections.unmodifiableList(swings);
    private long index = -1;

    public SwingDetector(SwingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.span = 2 * config.window() + 1;
        this.highs = new double[span];
        this.lows = new double[span];
        this.openTimes = new Instant[span];
        this.atr = new Atr(config.atrPeriod());
    }

    /**
     * Feeds the next closed bar.
     *
     * @return the swing accepted on this bar (new, or replacing the last one), if any
     */
    public Optional<SwingPoint> onBar(PatternBar bar) {
        Objects.requireNonNull(bar, "bar");
        index++;
        int slot = slot(index);
        highs[slot] = bar.high();
        lows[slot] = bar.low();
        openTimes[slot] = bar.openTime();
        atr.update(bar.high(), bar.low(), bar.close());

        int k = config.window();
        long candidate = index - k;
        if (candidate < k) {
            return Optional.empty();
        }
        boolean high = isSwingHigh(candidate);
        boolean low = isSwingLow(candidate);
        if (high && low) {
            SwingPoint last = last();
            if (last == null) {
                return Optional.empty();
            }
            high = last.type() == SwingType.LOW;
            low = !high;
        }
        if (high) {
            return accept(new SwingPoint(
                    SwingType.HIGH, candidate, openTimes[slot(candidate)], highs[slot(candidate)], index));
        }
        if (low) {
            return accept(
                    new SwingPoint(SwingType.LOW, candidate, openTimes[slot(candidate)], lows[slot(candidate)], index));
        }
        return Optional.empty();
    }

    /** The most recent accepted swings, oldest first; a read-only view that changes as bars are fed. */
    public List<SwingPoint> swings() {
        return swingsView;
    }

    /** Number of bars fed so far. */
    public long barsSeen() {
        return index + 1;
    }

    private boolean isSwingHigh(long candidate) {
        double value = highs[slot(candidate)];
        int k = config.window();
        for (int offset = 1; offset <= k; offset++) {
            if (!(value > highs[slot(candidate - offset)]) || value < highs[slot(candidate + offset)]) {
                return false;
            }
        }
        return true;
    }

    private boolean isSwingLow(long candidate) {
        double value = lows[slot(candidate)];
        int k = config.window();
        for (int offset = 1; offset <= k; offset++) {
            if (!(value < lows[slot(candidate - offset)]) || value > lows[slot(candidate + offset)]) {
                return false;
            }
        }
        return true;
    }

    private Optional<SwingPoint> accept(SwingPoint swing) {
        if (config.minSizeAtr() > 0 && !atr.isWarm()) {
            return Optional.empty();
        }
        SwingPoint last = last();
        if (last != null && last.type() == swing.type()) {
            if (!swing.isMoreExtremeThan(last)) {
                return Optional.empty();
            }
            swings.set(swings.size() - 1, swing);
            return Optional.of(swing);
        }
        if (last != null && Math.abs(swing.price() - last.price()) < minimumSize(last.price())) {
            return Optional.empty();
        }
        if (swings.size() == config.maxSwings()) {
            swings.removeFirst();
        }
        swings.add(swing);
        return Optional.of(swing);
    }

    private double minimumSize(double referencePrice) {
        double byAtr = config.minSizeAtr() > 0 ? config.minSizeAtr() * atr.value() : 0.0;
        double byPercent = config.minSizePercent() / 100.0 * Math.abs(referencePrice);
        return Math.max(byAtr, byPercent);
    }

    private SwingPoint last() {
        return swings.isEmpty() ? null : swings.getLast();
    }

    private int slot(long barIndex) {
        return (int) (barIndex % span);
    }
}
