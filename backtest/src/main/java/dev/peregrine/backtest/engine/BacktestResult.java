package dev.peregrine.backtest.engine;

import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one backtest did, all in market-time order (the order the engine produced them):
 *
 * @param config    the configuration it ran with
 * @param candles   candles processed (after ingest's quality stage: refused ones are not counted)
 * @param signals   every validated signal, tradeable or not
 * @param decisions every risk decision on a signal (approved or denied, with its reasons)
 * @param orders    every order execution stored, in the state it ended the run in
 * @param fills     every fill, entries, exits, stops and take-profits
 * @param trades    every position closed during the run
 * @param equity    one point per candle time
 * @param prices    per symbol, the candles it was run on
 */
public record BacktestResult(
        BacktestConfig config,
        long candles,
        List<SignalRecord> signals,
        List<DecisionRecord> decisions,
        List<OrderRecord> orders,
        List<FillRecord> fills,
        List<ClosedTrade> trades,
        List<EquityPoint> equity,
        Map<Symbol, List<PriceBar>> prices) {

    public BacktestResult {
        Objects.requireNonNull(config, "config");
        signals = List.copyOf(signals);
        decisions = List.copyOf(decisions);
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        trades = List.copyOf(trades);
        equity = List.copyOf(equity);
        TreeMap<Symbol, List<PriceBar>> copy = new TreeMap<>();
        prices.forEach((symbol, bars) -> copy.put(symbol, List.copyOf(bars)));
        prices = java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** The candles of {@code symbol}, empty if it was not run. */
    public List<PriceBar> prices(Symbol symbol) {
        return prices.getOrDefault(symbol, List.of());
    }

    public BigDecimal startingEquity() {
        return config.risk().startingBalance();
    }

    /** Equity after the last candle, or the starting balance if there was none. */
    public BigDecimal finalEquity() {
        return equity.isEmpty() ? startingEquity() : equity.getLast().equity();
    }

    /** Sum of the closed trades' P&L after fees. */
    public BigDecimal realisedPnl() {
        return trades.stream().map(ClosedTrade::pnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The largest drawdown of the equity curve, 0..1. */
    public BigDecimal maxDrawdown() {
        return equity.stream().map(EquityPoint::drawdown).reduce(BigDecimal.ZERO, BigDecimal::max);
    }
}
