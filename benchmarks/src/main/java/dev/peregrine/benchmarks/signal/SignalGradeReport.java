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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;

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
 * <p>Prints a Markdown report ({@link SignalGradeMarkdown}: the section "Grades on real data" of
 * docs/signal-validation.md) to stdout.
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
        System.out.print(SignalGradeMarkdown.render(runs, interval, step, horizon));
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
}
