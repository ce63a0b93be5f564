package dev.peregrine.backtest.research.search;

import dev.peregrine.backtest.research.walkforward.TimeWindow;

/**
 * What a search maximises: runs one parameter assignment over one window of market time and says how it did. An
 * implementation must read only candles of that window (plus the warm-up before it) and only labels that the
 * caller's window allows; the walk-forward optimiser hands it training windows for fitting and test windows for
 * judging, never the holdout.
 */
@FunctionalInterface
public interface Objective {

    Evaluation evaluate(ParameterAssignment parameters, TimeWindow window);
}
