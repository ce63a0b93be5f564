package dev.peregrine.backtest.report;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the report and its JSON and CSV files are made from: the report's own model, so that the HTML, the
 * metrics and the writers do not depend on the engine's types (an adapter fills it from the engine's result).
 *
 * @param feesPaid  every fee of every fill, including those of positions still open at the end
 * @param decisions risk's decisions on the signals, counted by outcome and decisive reason (e.g. "denied:
 *                  DRAWDOWN_HALT"), so the report shows why signals were not taken
 */
public record ReportData(
        RunInfo run,
        List<EquityPoint> equity,
        List<TradeRow> trades,
        List<SignalRow> signals,
        List<PriceSeries> prices,
        BigDecimal feesPaid,
        Map<String, Long> decisions) {

    public ReportData {
        Objects.requireNonNull(run, "run");
        equity = equity.stream().sorted(Comparator.comparing(EquityPoint::time)).toList();
        trades = trades.stream()
                .sorted(Comparator.comparing(TradeRow::exitTime)
                        .thenComparing(TradeRow::entryTime)
                        .thenComparing(TradeRow::symbol))
                .toList();
        signals = List.copyOf(signals);
        prices = List.copyOf(prices);
        Objects.requireNonNull(feesPaid, "feesPaid");
        decisions = Map.copyOf(decisions);
    }
}
