package dev.peregrine.backtest.report;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One row of the per-strategy or per-grade table.
 *
 * @param signals        validated signals of the group
 * @param taken          of those, the ones risk approved and sent as orders
 * @param closed         round trips of the group closed within the run
 * @param hitRate        share of the closed trades with a positive result after fees; empty without closed trades
 * @param meanNetReturn  mean of the closed trades' returns after fees; empty without closed trades
 */
public record GroupStats(
        String group, long signals, long taken, long closed, OptionalDouble hitRate, OptionalDouble meanNetReturn) {

    /** Rows keyed by strategy (the analyst that raised the signal), sorted by name. */
    public static List<GroupStats> byStrategy(List<SignalRow> signals, List<TradeRow> trades) {
        return group(signals, SignalRow::strategy, trades, TradeRow::strategy);
    }

    /** Rows keyed by the validation's grade, sorted (A first). */
    public static List<GroupStats> byGrade(List<SignalRow> signals, List<TradeRow> trades) {
        return group(signals, SignalRow::grade, trades, TradeRow::grade);
    }

    private static List<GroupStats> group(
            List<SignalRow> signals,
            Function<SignalRow, String> signalKey,
            List<TradeRow> trades,
            Function<TradeRow, String> tradeKey) {
        Map<String, long[]> counts = new TreeMap<>();
        for (SignalRow signal : signals) {
            long[] c = counts.computeIfAbsent(signalKey.apply(signal), k -> new long[2]);
            c[0]++;
            if (signal.taken()) {
                c[1]++;
            }
        }
        Map<String, List<TradeRow>> closed = new TreeMap<>();
        for (TradeRow trade : trades) {
            closed.computeIfAbsent(tradeKey.apply(trade), k -> new java.util.ArrayList<>())
                    .add(trade);
            counts.computeIfAbsent(tradeKey.apply(trade), k -> new long[2]);
        }
        return counts.entrySet().stream()
                .map(e -> {
                    List<TradeRow> rows = closed.getOrDefault(e.getKey(), List.of());
                    OptionalDouble hit = rows.isEmpty()
                            ? OptionalDouble.empty()
                            : OptionalDouble.of(
                                    rows.stream().filter(TradeRow::won).count() / (double) rows.size());
                    return new GroupStats(
                            e.getKey(),
                            e.getValue()[0],
                            e.getValue()[1],
                            rows.size(),
                            hit,
                            rows.stream().mapToDouble(TradeRow::netReturn).average());
                })
                .toList();
    }
}
