package dev.peregrine.backtest.research.search;

import dev.peregrine.backtest.research.stats.ReturnStats;
import dev.peregrine.backtest.research.stats.TradeOutcome;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one assignment did on one window.
 *
 * @param score   what the search maximises (e.g. expectancy after fees); finite
 * @param trades  the closed trades, in time order, for the overfitting measures
 * @param metrics further figures of the objective (e.g. max drawdown, signals), reported as they are, by name
 */
public record Evaluation(double score, List<TradeOutcome> trades, Map<String, Double> metrics) {

    public Evaluation {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite: " + score);
        }
        trades = List.copyOf(trades);
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    public static Evaluation of(double score, List<TradeOutcome> trades) {
        return new Evaluation(score, trades, Map.of());
    }

    public ReturnStats stats() {
        return ReturnStats.of(trades.stream().map(TradeOutcome::netReturn).toList());
    }
}
