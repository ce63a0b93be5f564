package dev.peregrine.benchmarks.signal;

import dev.peregrine.benchmarks.signal.SignalGradeReport.Outcome;
import dev.peregrine.benchmarks.signal.SignalGradeReport.SymbolRun;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Side;
import dev.peregrine.signal.domain.consensus.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Markdown of {@link SignalGradeReport}: the section "Grades on real data" of docs/signal-validation.md, forward
 * returns per grade, action, side, strategy and symbol. Apart from the report, which runs the chain and measures the
 * outcomes, because writing the tables is a job of its own that only reads them.
 */
public final class SignalGradeMarkdown {

    private SignalGradeMarkdown() {}

    /** Groups outcomes by {@code key}, keys in the order of {@code keys}, empty groups included. */
    static <K> Map<K, ForwardReturnStats> group(List<Outcome> outcomes, List<K> keys, Function<Outcome, K> key) {
        Map<K, ForwardReturnStats> groups = new LinkedHashMap<>();
        keys.forEach(k -> groups.put(k, new ForwardReturnStats()));
        for (Outcome outcome : outcomes) {
            groups.computeIfAbsent(key.apply(outcome), k -> new ForwardReturnStats())
                    .add(outcome.forwardBps());
        }
        return groups;
    }

    public static String render(List<SymbolRun> runs, String intervalLabel, Duration interval, int horizon) {
        List<Outcome> all = new ArrayList<>();
        runs.forEach(run -> all.addAll(run.outcomes()));
        List<Grade> grades = List.of(Grade.values());
        List<RecommendedAction> actions = List.of(RecommendedAction.values());
        List<String> strategies = all.stream().map(Outcome::strategy).distinct().toList();
        List<String> symbols = runs.stream().map(SymbolRun::symbol).toList();

        StringBuilder out = new StringBuilder();
        int candles = runs.stream().mapToInt(SymbolRun::candles).sum();
        int applied = runs.stream().mapToInt(SymbolRun::applied).sum();
        int signals = runs.stream().mapToInt(SymbolRun::signals).sum();
        int unresolved = runs.stream().mapToInt(SymbolRun::unresolved).sum();
        int conflicts = runs.stream().mapToInt(SymbolRun::conflicts).sum();
        Map<Verdict.Decision, Integer> verdicts = new EnumMap<>(Verdict.Decision.class);
        runs.forEach(run -> run.verdicts().forEach((decision, count) -> verdicts.merge(decision, count, Integer::sum)));
        Duration span = interval.multipliedBy(horizon);

        out.append(String.format(
                Locale.ROOT,
                "Data: Binance %s klines of %s, %s .. %s, %,d candles (%,d applied). "
                        + "Horizon %d candles (%s); entry at the next candle's open, exit at the open %d candles later; "
                        + "forward return in the signal's direction, in bps, before costs; hit = forward return > 0. "
                        + "%,d validated signals, %,d resolved (%,d too close to the end of a file dropped).%n%n",
                intervalLabel,
                String.join(", ", symbols),
                runs.getFirst().from(),
                runs.getFirst().to(),
                candles,
                applied,
                horizon,
                human(span),
                horizon,
                signals,
                all.size(),
                unresolved));
        out.append(String.format(
                Locale.ROOT,
                "Arbiter per candle: BULLISH %s, BEARISH %s, HOLD %s; consensus conflict on %s "
                        + "of the candles.%n%n",
                share(verdicts.get(Verdict.Decision.BULLISH), applied),
                share(verdicts.get(Verdict.Decision.BEARISH), applied),
                share(verdicts.get(Verdict.Decision.HOLD), applied),
                share(conflicts, applied)));

        out.append("Per grade, all symbols pooled:\n\n");
        statsTable(out, "grade", group(all, grades, Outcome::grade));
        out.append("\nPer action, all symbols pooled:\n\n");
        statsTable(out, "action", group(all, actions, Outcome::action));
        out.append(
                "\nPer side, all symbols pooled, with the market's drift (a long entered on every candle) for scale:\n\n");
        Map<String, ForwardReturnStats> sides = new LinkedHashMap<>();
        group(all, List.of(Side.BUY, Side.SELL), Outcome::side).forEach((side, stats) -> sides.put(side.name(), stats));
        ForwardReturnStats drift = new ForwardReturnStats();
        runs.forEach(run -> drift.addAll(run.alwaysLong()));
        sides.put("every candle long", drift);
        statsTable(out, "side", sides);

        out.append("\nPer grade x strategy, pooled: mean bps / hit rate (signals):\n\n");
        Map<String, Map<Grade, ForwardReturnStats>> byStrategy = new LinkedHashMap<>();
        for (String strategy : strategies) {
            List<Outcome> own =
                    all.stream().filter(o -> o.strategy().equals(strategy)).toList();
            byStrategy.put(strategy, group(own, grades, Outcome::grade));
        }
        matrix(out, "strategy", grades, byStrategy, all, Outcome::strategy);

        out.append("\nPer grade x symbol: mean bps / hit rate (signals):\n\n");
        Map<String, Map<Grade, ForwardReturnStats>> gradeBySymbol = new LinkedHashMap<>();
        for (SymbolRun run : runs) {
            gradeBySymbol.put(run.symbol(), group(run.outcomes(), grades, Outcome::grade));
        }
        matrix(out, "symbol", grades, gradeBySymbol, all, Outcome::symbol);

        out.append("\nPer action x symbol: mean bps / hit rate (signals):\n\n");
        Map<String, Map<RecommendedAction, ForwardReturnStats>> actionBySymbol = new LinkedHashMap<>();
        for (SymbolRun run : runs) {
            actionBySymbol.put(run.symbol(), group(run.outcomes(), actions, Outcome::action));
        }
        matrix(out, "symbol", actions, actionBySymbol, all, Outcome::symbol);
        return out.toString();
    }

    private static <K> void statsTable(StringBuilder out, String label, Map<K, ForwardReturnStats> groups) {
        out.append("| ").append(label).append(" | signals | mean bps | SE bps | median bps | hit rate |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        groups.forEach((key, stats) -> {
            if (stats.count() == 0) {
                out.append("| ").append(key).append(" | 0 | | | | |\n");
            } else {
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %+.1f | %.1f | %+.1f | %.1f %% |%n",
                        key,
                        stats.count(),
                        stats.mean(),
                        stats.standardError(),
                        stats.median(),
                        100 * stats.hitRate()));
            }
        });
    }

    private static <K> void matrix(
            StringBuilder out,
            String label,
            List<K> columns,
            Map<String, Map<K, ForwardReturnStats>> rows,
            List<Outcome> all,
            Function<Outcome, String> rowKey) {
        out.append("| ").append(label).append(" |");
        columns.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append(" all |\n|---|");
        columns.forEach(c -> out.append("---:|"));
        out.append("---:|\n");
        rows.forEach((row, cells) -> {
            out.append("| ").append(row).append(" |");
            columns.forEach(c -> out.append(' ').append(cell(cells.get(c))).append(" |"));
            ForwardReturnStats total = new ForwardReturnStats();
            all.stream().filter(o -> rowKey.apply(o).equals(row)).forEach(o -> total.add(o.forwardBps()));
            out.append(' ').append(cell(total)).append(" |\n");
        });
    }

    private static String cell(ForwardReturnStats stats) {
        if (stats == null || stats.count() == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%+.1f / %.1f %% (%,d)", stats.mean(), 100 * stats.hitRate(), stats.count());
    }

    private static String share(int count, int total) {
        return String.format(Locale.ROOT, "%.1f %%", total == 0 ? 0 : 100.0 * count / total);
    }

    private static String human(Duration span) {
        if (span.toMinutes() % 60 != 0) {
            return span.toMinutes() + " min";
        }
        return span.toHours() + " h";
    }
}
