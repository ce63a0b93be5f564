package dev.peregrine.backtest.research.optimiser;

import dev.peregrine.backtest.research.search.Evaluation;
import dev.peregrine.backtest.research.stats.ReturnStats;
import java.util.Map;

/**
 * One evaluation's figures as stored with a run (the trades themselves are summarised, not stored).
 *
 * @param score   the objective's score
 * @param trades  moments of the per-trade net returns
 * @param metrics the objective's further figures
 */
public record Performance(double score, ReturnStats trades, Map<String, Double> metrics) {

    public static Performance of(Evaluation evaluation) {
        return new Performance(evaluation.score(), evaluation.stats(), evaluation.metrics());
    }
}
