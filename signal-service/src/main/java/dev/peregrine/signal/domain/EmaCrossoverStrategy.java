package dev.peregrine.signal.domain;

import dev.peregrine.common.value.Side;

import java.time.Instant;
import java.util.Objects;

/**
 * EMA crossover on one series (one symbol and interval): a BUY candidate when the fast EMA crosses
 * above the slow EMA, a SELL candidate when it crosses below. Both EMAs and the ATR must be warm; the
 * first bar on which they all are only records which side the fast EMA is on, so no signal can come from
 * the seeding itself. A bar whose open time is not after the last one's is ignored, so a redelivered or
 * late candle never moves the indicators twice. Not thread-safe: one instance per series, fed in order.
 */
public final class EmaCrossoverStrategy {

    public static final String ID = "ema-crossover";
    public static final int DEFAULT_FAST_PERIOD = 9;
    public static final int DEFAULT_SLOW_PERIOD = 21;

    private final Ema fast;
    private final Ema slow;
    private final Atr atr;
    private Instant lastOpenTime;
    /** Sign of (fast - slow) on the last warm bar where they differed; 0 before that. */
    private int lastSide;

    public EmaCrossoverStrategy(int fastPeriod, int slowPeriod, int atrPeriod) {
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException("fast period " + fastPeriod + " must be shorter than slow period " + slowPeriod);
        }
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.atr = new Atr(atrPeriod);
    }

    public static EmaCrossoverStrategy withDefaults() {
        return new EmaCrossoverStrategy(DEFAULT_FAST_PERIOD, DEFAULT_SLOW_PERIOD, Atr.DEFAULT_PERIOD);
    }

    public StrategyOutcome onBar(Bar bar) {
        Objects.requireNonNull(bar, "bar");
        if (lastOpenTime != null && !bar.openTime().isAfter(lastOpenTime)) {
            return new StrategyOutcome.Ignored(bar.openTime().equals(lastOpenTime)
                    ? StrategyOutcome.IgnoreReason.DUPLICATE
                    : StrategyOutcome.IgnoreReason.OUT_OF_ORDER);
        }
        lastOpenTime = bar.openTime();
        double close = bar.close().doubleValue();
        double slowBefore = slow.isWarm() ? slow.value() : Double.NaN;
        fast.update(close);
        slow.update(close);
        atr.update(bar.high().doubleValue(), bar.low().doubleValue(), close);
        if (!(fast.isWarm() && slow.isWarm() && atr.isWarm())) {
            return new StrategyOutcome.WarmingUp();
        }
        int side = Integer.signum(Double.compare(fast.value(), slow.value()));
        if (side == 0) {
            // Touching is not crossing: wait until the fast EMA is clearly on the other side.
            return new StrategyOutcome.NoSignal();
        }
        int before = lastSide;
        lastSide = side;
        if (before == 0 || before == side) {
            return new StrategyOutcome.NoSignal();
        }
        // A signal needs a warm bar before this one, so the slow EMA had a value one bar earlier.
        IndicatorSnapshot snapshot = new IndicatorSnapshot(fast.value(), slow.value(), slowBefore, atr.value());
        return new StrategyOutcome.Signal(side > 0 ? Side.BUY : Side.SELL, snapshot);
    }

    /** Open time of the last bar that moved the indicators, or null before the first. */
    public Instant lastOpenTime() {
        return lastOpenTime;
    }
}
