package dev.peregrine.benchmarks.signal;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.application.SignalChain;
import dev.peregrine.signal.domain.SignalValidation;
import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.consensus.Verdict;
import dev.peregrine.testkit.SharedData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Function;

/**
 * Do better grades make money? Runs signal-service's own chain ({@link SignalChain#withServiceDefaults()}: the
 * configuration of {@code signal-service.yml}, the five analysts registered ACTIVE at weight 1, as a freshly installed
 * service) over real Binance klines and measures, for every validated signal, the realised forward return in the
 * signal's direction: entry at the next candle's open, exit at the open {@code horizon} candles after the entry
 * (by time, so a missing candle in the file does not shorten the horizon), in basis points, BUY {@code +}, SELL
 * {@code -}. A hit is a forward return above 0. Signals too close to the end of the file to have an exit are
 * dropped and counted. No costs, no slippage, no position sizing: a look at whether the grading orders signals
 * by outcome, not a backtest.
 *
 * <p>Prints a Markdown report (the section "Grades on real data" of docs/signal-validation.md) to stdout.
 * Arguments: {@code --horizon <candles>} (default {@value #DEFAULT_HORIZON}), {@code --symbols A,B,..}
 * (default the five of {@link #SYMBOLS}), {@code --interval 15m}. Data folder: see {@link Klines#locate}.
 */
public final class SignalGradeReport {

    public static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT");
    public static final String DEFAULT_INTERVAL = "15m";
    public static final int DEFAULT_HORIZON = 16;

    /**
     * One validated signal and what followed it.
     *
     * @param signalId the id signal-service gives the signal (derived from strategy, symbol, interval, candle open time)
     */
    public record Outcome(
            UUID signalId,
            String symbol,
            Instant signalTime,
            String strategy,
            Side side,
            int strength,
            Grade grade,
            double confidence,
            RecommendedAction action,
            boolean tradeable,
            double forwardBps) {}

    /**
     * One symbol's run.
     *
     * @param candles    klines in the file
     * @param applied    candles the pipeline applied (not duplicates or out of order)
     * @param signals    validated signals, resolved or not
     * @param outcomes   the resolved ones, in candle then panel order
     * @param alwaysLong forward return of a long entered on every candle, the market's drift over the horizon
     * @param verdicts   how the arbiter ruled, per applied candle
     * @param conflicts  applied candles whose consensus flagged a conflict
     */
    public record SymbolRun(
            String symbol,
            LocalDate from,
            LocalDate to,
            int candles,
            int applied,
            int signals,
            List<Outcome> outcomes,
            ForwardReturnStats alwaysLong,
            Map<Verdict.Decision, Integer> verdicts,
            int conflicts,
            double microsPerCandle) {

        public int unresolved() {
            return signals - outcomes.size();
        }
    }

    private SignalGradeReport() {}

    public static void main(String[] args) {
        int horizon = DEFAULT_HORIZON;
        List<String> symbols = SYMBOLS;
        String interval = DEFAULT_INTERVAL;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--horizon" ->
                    horizon = Integer.parseInt(Objects.requireNonNull(value, "--horizon needs a number of candles"));
                case "--symbols" ->
                    symbols = List.of(Objects.requireNonNull(value, "--symbols needs A,B,..")
                            .split(","));
                case "--interval" -> interval = Objects.requireNonNull(value, "--interval needs e.g. 15m");
                default ->
                    throw new IllegalArgumentException("unknown argument " + args[i]
                            + " (use --horizon <candles>, --symbols A,B,.., --interval 15m)");
            }
            i++;
        }
        Interval seriesInterval = Interval.fromCode(interval);
        Duration step = seriesInterval.length();
        List<SymbolRun> runs = new ArrayList<>();
        for (String symbol : symbols) {
            String name = symbol;
            String label = interval;
            Path file = Klines.locate(symbol, interval)
                    .orElseThrow(() -> new IllegalStateException(
                            "no binance/klines/" + name + "-" + label + ".csv.gz under ../shared/data; set -D"
                                    + SharedData.PROPERTY + "=<folder holding binance/>"));
            System.err.printf(Locale.ROOT, "%s: reading %s%n", symbol, file);
            SymbolRun run = run(symbol, Klines.read(file), seriesInterval, horizon);
            System.err.printf(
                    Locale.ROOT,
                    "%s: %d candles, %d signals, %.1f us per candle%n",
                    symbol,
                    run.candles(),
                    run.signals(),
                    run.microsPerCandle());
            runs.add(run);
        }
        System.out.print(render(runs, interval, step, horizon));
    }

    /**
     * Runs a fresh series of signal-service's chain with the service's defaults over {@code bars} (one series, in file
     * order) and resolves every signal.
     */
    public static SymbolRun run(String symbol, List<Bar> bars, Interval interval, int horizon) {
        return run(SignalChain.withServiceDefaults(), symbol, bars, interval, horizon);
    }

    /** Runs a fresh series of {@code chain} over {@code bars} (one series, in file order) and resolves every signal. */
    public static SymbolRun run(SignalChain chain, String symbol, List<Bar> bars, Interval interval, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1 candle: " + horizon);
        }
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no bars for " + symbol);
        }
        int n = bars.size();
        long[] openMillis = new long[n];
        double[] opens = new double[n];
        for (int i = 0; i < n; i++) {
            openMillis[i] = bars.get(i).openTime().toEpochMilli();
            opens[i] = bars.get(i).open().doubleValue();
        }
        long horizonMillis = interval.millis() * horizon;

        SignalChain.Series series = chain.newSeries(Symbol.of(symbol), interval);
        List<Outcome> outcomes = new ArrayList<>(n);
        ForwardReturnStats alwaysLong = new ForwardReturnStats();
        Map<Verdict.Decision, Integer> verdicts = new EnumMap<>(Verdict.Decision.class);
        for (Verdict.Decision decision : Verdict.Decision.values()) {
            verdicts.put(decision, 0);
        }
        int applied = 0;
        int signals = 0;
        int conflicts = 0;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            if (!(series.next(bar) instanceof SignalChain.Step.Judged judged)) {
                continue;
            }
            applied++;
            var debate = judged.assessment().debate();
            verdicts.merge(debate.verdict().decision(), 1, Integer::sum);
            if (debate.consensus().conflict()) {
                conflicts++;
            }
            OptionalDouble drift = forwardReturnBps(Side.BUY, openMillis, opens, i, horizonMillis);
            drift.ifPresent(alwaysLong::add);
            for (SignalChain.ValidatedSignal signal : judged.signals()) {
                signals++;
                SignalValidation validation = signal.validation();
                OptionalDouble forward = forwardReturnBps(validation.side(), openMillis, opens, i, horizonMillis);
                if (forward.isPresent()) {
                    outcomes.add(new Outcome(
                            signal.signalId(),
                            symbol,
                            bar.openTime(),
                            validation.analystId(),
                            validation.side(),
                            validation.strength(),
                            validation.grade(),
                            validation.confidence(),
                            validation.action(),
                            validation.tradeable(),
                            forward.getAsDouble()));
                }
            }
        }
        double micros = (System.nanoTime() - started) / 1_000.0 / n;
        return new SymbolRun(
                symbol,
                day(openMillis[0]),
                day(openMillis[n - 1]),
                n,
                applied,
                signals,
                List.copyOf(outcomes),
                alwaysLong,
                verdicts,
                conflicts,
                micros);
    }

    /**
     * The return of a position in {@code side}'s direction taken at the open of the candle after
     * {@code signalIndex} and closed at the open of the first candle at least {@code horizonMillis} later, in bps;
     * empty when the file ends before either.
     */
    static OptionalDouble forwardReturnBps(
            Side side, long[] openMillis, double[] opens, int signalIndex, long horizonMillis) {
        int entry = signalIndex + 1;
        if (entry >= openMillis.length) {
            return OptionalDouble.empty();
        }
        long target = openMillis[entry] + horizonMillis;
        int exit = Arrays.binarySearch(openMillis, entry, openMillis.length, target);
        if (exit < 0) {
            exit = -exit - 1;
        }
        if (exit >= openMillis.length) {
            return OptionalDouble.empty();
        }
        double change = (opens[exit] - opens[entry]) / opens[entry];
        return OptionalDouble.of(10_000.0 * (side == Side.BUY ? change : -change));
    }

    private static LocalDate day(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
    }

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
