package dev.peregrine.monitor.application.port.in;

import dev.peregrine.common.event.PositionChanged;

/** Trade outcomes: what each closed position earned, joined to its entry signal where the monitor can trace it. */
public interface RecordTradeOutcomes {

    /**
     * Notes the entry order of an opening position; records the outcome of a closed one. NEW when a trade outcome
     * was recorded now, DUPLICATE otherwise (an OPEN update, or a close already recorded).
     */
    Recording positionChanged(PositionChanged position);
}
