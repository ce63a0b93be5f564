package dev.peregrine.backtest.report;

import dev.peregrine.backtest.engine.BacktestResult;
import dev.peregrine.backtest.engine.ClosedTrade;
import dev.peregrine.backtest.engine.DecisionRecord;
import dev.peregrine.backtest.engine.FillRecord;
import dev.peregrine.backtest.engine.PriceBar;
import dev.peregrine.backtest.engine.SignalRecord;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The adapter from the engine's {@link BacktestResult} to the report's model: a closed trade takes its grade and
 * side from the signal that opened it, a signal counts as taken when risk approved it, fees are those of every fill.
 */
public final class EngineResults {

    /** Shown for a trade whose opening signal is not in the result (none is expected). */
    static final String UNKNOWN = "?";

    private EngineResults() {}

    /**
     * @param symbols       the symbols asked for, in the user's order
     * @param configuration where the configuration came from, for the report's header
     */
    public static ReportData toReport(
            BacktestResult result, List<String> symbols, String interval, String configuration) {
        Map<UUID, SignalRecord> signalsById = new HashMap<>();
        result.signals().forEach(s -> signalsById.put(s.signalId(), s));
        Set<UUID> approved = new HashSet<>();
        Map<String, Long> decisions = new HashMap<>();
        for (DecisionRecord decision : result.decisions()) {
            if (decision.approved()) {
                approved.add(decision.signalId());
            }
            decisions.merge(
                    decision.approved() ? "approved" : "denied: " + decision.primaryReasonCode(), 1L, Long::sum);
        }
        List<SignalRow> signals = result.signals().stream()
                .map(s -> new SignalRow(
                        s.closeTime(),
                        s.symbol().value(),
                        s.strategyId(),
                        s.grade().name(),
                        approved.contains(s.signalId())))
                .toList();
        List<TradeRow> trades = result.trades().stream()
                .map(t -> trade(t, signalsById.get(t.entrySignalId())))
                .toList();
        List<PriceSeries> prices = symbols.stream()
                .map(symbol -> prices(symbol, result.prices(new Symbol(symbol))))
                .filter(series -> series.size() > 0)
                .toList();
        String feeAsset = result.config().venue().feeAsset();
        BigDecimal fees = result.fills().stream()
                .filter(f -> feeAsset.equals(f.feeAsset()))
                .map(FillRecord::fee)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        RunInfo run = new RunInfo(
                symbols,
                interval,
                first(result),
                last(result),
                result.startingEquity(),
                result.candles(),
                configuration);
        return new ReportData(
                run,
                result.equity().stream()
                        .map(p -> new EquityPoint(p.time(), p.equity()))
                        .toList(),
                trades,
                signals,
                prices,
                fees,
                decisions);
    }

    private static TradeRow trade(ClosedTrade t, SignalRecord opening) {
        String reason = t.exitRole() == null ? UNKNOWN : t.exitRole().name();
        if (t.closeReason() != null
                && !t.closeReason().isBlank()
                && !t.closeReason().equals(reason)) {
            reason = reason + ": " + t.closeReason();
        }
        return new TradeRow(
                t.symbol().value(),
                opening == null ? UNKNOWN : opening.side().name(),
                t.strategyId(),
                opening == null ? UNKNOWN : opening.grade().name(),
                t.openedAt(),
                orZero(t.entryPrice()),
                t.closedAt(),
                orZero(t.exitPrice()),
                orZero(t.quantity()),
                orZero(t.fees()),
                t.pnl(),
                reason);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static PriceSeries prices(String symbol, List<PriceBar> bars) {
        long[] times = new long[bars.size()];
        double[] closes = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            times[i] = bars.get(i).closeTime().toEpochMilli();
            closes[i] = bars.get(i).close().doubleValue();
        }
        return new PriceSeries(symbol, times, closes);
    }

    private static Instant first(BacktestResult result) {
        return result.prices().values().stream()
                .filter(b -> !b.isEmpty())
                .map(b -> b.getFirst().openTime())
                .min(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    private static Instant last(BacktestResult result) {
        return result.prices().values().stream()
                .filter(b -> !b.isEmpty())
                .map(b -> b.getLast().closeTime())
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }
}
