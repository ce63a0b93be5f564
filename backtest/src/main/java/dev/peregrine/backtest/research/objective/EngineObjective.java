package dev.peregrine.backtest.research.objective;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.BacktestEngine;
import dev.peregrine.backtest.engine.BacktestResult;
import dev.peregrine.backtest.engine.ClosedTrade;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.backtest.research.search.Evaluation;
import dev.peregrine.backtest.research.search.Objective;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.backtest.research.stats.TradeOutcome;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The objective on the code that trades: the backtest engine (signal-service's chain, risk-service's book, the
 * paper venue's fills and fees) over the candles of one window, with the assignment applied to the configuration.
 * The engine sees candles opening in [window start - warm-up, window end) only, so it can neither read the future
 * nor close a trade on a candle after the window; trades opened during the warm-up are not counted. A trade's
 * return is its realised P&L after fees over the starting equity (what it did to the account).
 *
 * @param base     the configuration the assignment changes (e.g. {@code BacktestConfig.serviceDefaults()})
 * @param series   all candles, loaded once
 * @param warmUp   market time before the window the indicators warm up on (at least 221 candles of the interval)
 * @param score    what the search maximises
 * @param minTrades below this many counted trades the score is 0 (no evidence), whatever their P&L
 */
public record EngineObjective(
        BacktestConfig base, List<KlineSeries> series, Duration warmUp, Score score, int minTrades)
        implements Objective {

    /** What a window's result is judged by. */
    public enum Score {
        /** Realised P&L after fees of the counted trades over starting equity. */
        RETURN,
        /** Mean counted trade's return: the expectancy after fees. */
        EXPECTANCY
    }

    public EngineObjective {
        Objects.requireNonNull(base, "base");
        series = List.copyOf(series);
        Objects.requireNonNull(warmUp, "warmUp");
        Objects.requireNonNull(score, "score");
        if (base.risk().startingBalance().signum() <= 0) {
            throw new IllegalArgumentException("trade returns are over the starting equity: it must be above 0");
        }
        if (minTrades < 0) {
            throw new IllegalArgumentException("minTrades must not be negative: " + minTrades);
        }
    }

    @Override
    public Evaluation evaluate(ParameterAssignment parameters, TimeWindow window) {
        BacktestConfig config = ServiceKeyOverrides.apply(base, parameters);
        Instant from = window.from().minus(warmUp);
        List<KlineSeries> slice = series.stream()
                .map(s -> new KlineSeries(
                        s.symbol(),
                        s.interval(),
                        s.candles().stream()
                                .filter(c -> !c.openTime().isBefore(from)
                                        && c.openTime().isBefore(window.to()))
                                .toList()))
                .toList();
        BacktestResult result = new BacktestEngine(config).run(slice);
        BigDecimal equity = result.startingEquity();
        List<TradeOutcome> trades = result.trades().stream()
                .filter(t -> window.contains(t.openedAt()))
                .map(t -> new TradeOutcome(t.closedAt(), returnOf(t, equity)))
                .toList();
        double total = trades.stream().mapToDouble(TradeOutcome::netReturn).sum();
        double value =
                trades.size() < Math.max(1, minTrades) ? 0.0 : score == Score.RETURN ? total : total / trades.size();
        return new Evaluation(
                value,
                trades,
                Map.of(
                        "trades", (double) trades.size(),
                        "return", total,
                        "maxDrawdown", result.maxDrawdown().doubleValue(),
                        "signals", (double) result.signals().size(),
                        "candles", (double) result.candles()));
    }

    private static double returnOf(ClosedTrade trade, BigDecimal equity) {
        return trade.pnl().divide(equity, MathContext.DECIMAL64).doubleValue();
    }
}
