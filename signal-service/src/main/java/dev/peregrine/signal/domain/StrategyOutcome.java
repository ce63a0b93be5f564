package dev.peregrine.signal.domain;

import dev.peregrine.common.value.Side;

/** What a strategy made of one bar. */
public sealed interface StrategyOutcome {

    /** The bar was not newer than the last one seen; the indicators did not move. */
    record Ignored(IgnoreReason reason) implements StrategyOutcome {
    }

    /** The indicators moved but are not all warm yet. */
    record WarmingUp() implements StrategyOutcome {
    }

    /** The indicators moved and nothing crossed. */
    record NoSignal() implements StrategyOutcome {
    }

    /** The fast EMA crossed the slow EMA on this bar. */
    record Signal(Side side, IndicatorSnapshot indicators) implements StrategyOutcome {
    }

    enum IgnoreReason {
        /** Same open time as the last bar: a redelivery or a re-published candle. */
        DUPLICATE,
        /** Older than the last bar. */
        OUT_OF_ORDER
    }
}
