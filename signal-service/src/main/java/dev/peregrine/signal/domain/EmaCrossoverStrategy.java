package dev.peregrine.signal.domain;

import dev.peregrine.common.value.Side;
import dev.peregrine.signal.domain.indicator.Atr;
import dev.peregrine.signal.domain.indicator.BarUpdate;
import dev.peregrine.signal.domain.indicator.IndicatorBank;
import dev.peregrine.signal.domain.indicator.IndicatorPeriods;
import dev.peregrine.signal.domain.indicator.IndicatorValues;

import java.time.Instant;
import java.util.Objects;

/**
 * EMA crossover on one series (one symbol and interval): a BUY candidate when the fast EMA crosses
 * above the slow EMA, a SELL candidate when it crosses below. The EMAs and the ATR come from the series'
 * {@link IndicatorBank}; all three must be warm, and the first bar on which they are only records which
 * side the fast EMA is on, so no signal can come from the seeding itself. A bar whose open time is not after
 * the last one's is ignored, so a redelivered or late candle never moves the indicators twice. Not
 * thread-safe: one instance per series, fed in order.
 */
public final class EmaCrossoverStrategy {

    public static final String ID = "ema-crossover";
    public static final int DEFAULT_FAST_PERIOD = 9;
    public static final int DEFAULT_SLOW_PERIOD = 21;

    private final IndicatorBank indicators;
    /** Sign of (fast - slow) on the last warm bar where they differed; 0 before that. */
    private int lastSide;

    public EmaCrossoverStrategy(int fastPeriod, int slowPeriod, int atrPeriod) {
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException("fast period " + fastPeriod + " must be shorter than slow period " + slowPeriod);
        }
        this.indicators = new IndicatorBank(IndicatorPeriods.defaults().withCrossover(fastPeriod, slowPeriod, atrPeriod));
    }

    public static EmaCrossoverStrategy withDefaults() {
        return new EmaCrossoverStrategy(DEFAULT_FAST_PERIOD, DEFAULT_SLOW_PERIOD, Atr.DEFAULT_PERIOD);
    }

    public StrategyOutcome onBar(Bar bar) {
        Objects.requireNonNull(bar, "bar");
        BarUpdate update = indicators.update(bar);
        return switch (update) {
            case DUPLICATE -> new StrategyOutcome.Ignored(StrategyOutcome.IgnoreReason.DUPLICATE);
            case OUT_OF_ORDER -> new StrategyOutcome.Ignored(StrategyOutcome.IgnoreReason.OUT_OF_ORDER);
            case APPLIED -> evaluate(indicators.snapshot());
        };
    }

    private StrategyOutcome evaluate(IndicatorValues values) {
        if (!(values.emaFast().isPresent() && values.emaSlow().isPresent() && values.atr().isPresent())) {
            return new StrategyOutcome.WarmingUp();
        }
        double fast = values.emaFast().getAsDouble();
        double slow = values.emaSlow().getAsDouble();
        int side = Integer.signum(Double.compare(fast, slow));
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
        IndicatorSnapshot snapshot = new IndicatorSnapshot(fast, slow, values.previousEmaSlow().getAsDouble(),
                values.atr().getAsDouble());
        return new StrategyOutcome.Signal(side > 0 ? Side.BUY : Side.SELL, snapshot);
    }

    /** Open time of the last bar that moved the indicators, or null before the first. */
    public Instant lastOpenTime() {
        return indicators.lastOpenTime();
    }
}
