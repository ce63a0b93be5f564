package dev.peregrine.backtest.research.run;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.BacktestEngine;
import dev.peregrine.backtest.engine.BacktestResult;
import dev.peregrine.backtest.engine.ClosedTrade;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.backtest.engine.PriceBar;
import dev.peregrine.backtest.engine.SignalRecord;
import dev.peregrine.backtest.ml.ClassifierMetrics;
import dev.peregrine.backtest.ml.LabelledSignal;
import dev.peregrine.backtest.ml.ModelTrainer;
import dev.peregrine.backtest.ml.SignalDataset;
import dev.peregrine.backtest.ml.TrainingRun;
import dev.peregrine.backtest.research.objective.ServiceKeyOverrides;
import dev.peregrine.backtest.research.optimiser.RunStore;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.backtest.research.walkforward.HoldoutSplit;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import dev.peregrine.backtest.research.walkforward.WalkForwardPlan;
import dev.peregrine.backtest.research.walkforward.WalkForwardSplitter;
import dev.peregrine.backtest.research.walkforward.WalkForwardWindow;
import dev.peregrine.backtest.research.walkforward.WindowScheme;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.signal.adapter.out.ml.XgboostJsonReader;
import dev.peregrine.signal.domain.ml.MlFilter;
import dev.peregrine.signal.domain.ml.MlModel;
import dev.peregrine.signal.domain.ml.ModelSource;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The per-strategy and per-grade out-of-sample tables of docs/research.md: runs the backtest engine on every
 * walk-forward test window before the holdout (the same folds as {@link WalkForwardMain}) with one configuration and
 * prints, over the test windows only, (a) the engine's closed trades (P&L after fees over starting equity) by
 * strategy and by grade and (b) every validated signal's forward return after round-trip costs at the label horizon
 * by grade and by strategy. Options: those of {@link WalkForwardMain} plus
 * <ul>
 *   <li>{@code --config default} (services' defaults), {@code --config chosen:<run-id>} (each fold uses the choice
 *       a stored walk-forward run made on that fold's training window) or {@code --config set:key=value,...};</li>
 *   <li>{@code --ml true}: train the ML filter (the trainer's defaults) on each fold's training window and run its
 *       test window with that model at {@code --ml-threshold} (default 0.60);</li>
 *   <li>{@code --holdout true}: the final report step: one window, the holdout (the last 25 %), trained (ML) on the
 *       {@code --train-days} before the fitting range's end. Only with a configuration chosen beforehand.</li>
 * </ul>
 */
public final class OutOfSampleMain {

    private static final double BASIS_POINTS = 10_000.0;

    private OutOfSampleMain() {}

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>();
        Map<String, String> own =
                new HashMap<>(Map.of("config", "default", "ml", "false", "ml-threshold", "0.60", "holdout", "false"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String key = args[i].substring(2);
            if (own.containsKey(key)) {
                own.put(key, args[i + 1]);
            } else {
                rest.add(args[i]);
                rest.add(args[i + 1]);
            }
        }
        WalkForwardOptions options =
                WalkForwardOptions.parse(rest, Path.of("..", "shared", "data", "binance", "klines"));
        run(
                options,
                own.get("config"),
                Boolean.parseBoolean(own.get("ml")),
                Double.parseDouble(own.get("ml-threshold")),
                Boolean.parseBoolean(own.get("holdout")),
                System.out);
    }

    static void run(
            WalkForwardOptions options,
            String configSpec,
            boolean ml,
            double mlThreshold,
            boolean holdout,
            PrintStream out) {
        Duration bar = Interval.fromCode(options.interval()).length();
        List<KlineSeries> series = WalkForwardMain.load(options);
        HoldoutSplit split =
                HoldoutSplit.lastQuarter(WalkForwardMain.rangeOf(series), bar.multipliedBy(options.horizonBars()));
        List<WalkForwardWindow> windows = holdout
                ? List.of(holdoutWindow(split, options))
                : new WalkForwardSplitter(new WalkForwardPlan(
                                Duration.ofDays(options.trainDays()),
                                Duration.ofDays(options.testDays()),
                                split.labelHorizon(),
                                bar.multipliedBy(options.embargoBars()),
                                WindowScheme.ROLLING))
                        .split(split.fitting());
        out.printf(
                "config %s, ml %s (threshold %.2f), %s; %d window(s)%n",
                configSpec,
                ml,
                mlThreshold,
                holdout
                        ? "HOLDOUT " + split.holdoutForFinalReport()
                        : "walk-forward test windows before the holdout " + split.holdoutStart(),
                windows.size());
        Tables tables = new Tables();
        for (WalkForwardWindow window : windows) {
            BacktestConfig config = ServiceKeyOverrides.apply(
                    BacktestConfig.serviceDefaults(), assignment(configSpec, options, window.index(), holdout));
            if (ml) {
                config = withModel(config, series, window, mlThreshold, tables, out);
            }
            BacktestResult result = new BacktestEngine(config)
                    .run(slice(
                            series,
                            window.test().from().minus(bar.multipliedBy(WalkForwardMain.WARM_UP_BARS)),
                            window.test().to()));
            int trades = tables.add(result, window.test(), options.horizonBars());
            out.printf("window %d test %s: %d trades opened%n", window.index(), window.test(), trades);
        }
        tables.print(ml, out);
    }

    /** Training: the train-days right before the fitting range's end, so no fitted thing reads the holdout. */
    static WalkForwardWindow holdoutWindow(HoldoutSplit split, WalkForwardOptions options) {
        Instant trainEnd = split.fitting().to();
        return new WalkForwardWindow(
                0,
                new TimeWindow(trainEnd.minus(Duration.ofDays(options.trainDays())), trainEnd),
                split.holdoutForFinalReport(),
                split.labelHorizon());
    }

    private static ParameterAssignment assignment(String spec, WalkForwardOptions options, int fold, boolean holdout) {
        if (spec.equals("default")) {
            return new ParameterAssignment(Map.of());
        }
        if (spec.startsWith("chosen:") && !holdout) {
            WalkForwardRun run = new RunStore(options.out()).read(spec.substring("chosen:".length()));
            return run.folds().get(fold).chosen();
        }
        if (spec.startsWith("set:")) {
            Map<String, Object> values = new HashMap<>();
            for (String pair : spec.substring("set:".length()).split(",")) {
                String[] kv = pair.split("=", 2);
                values.put(kv[0], kv[1].contains(".") ? new BigDecimal(kv[1]) : (Object) Integer.valueOf(kv[1]));
            }
            return new ParameterAssignment(values);
        }
        throw new IllegalArgumentException("--config is default, chosen:<run-id> (not with --holdout) or set:k=v,..");
    }

    /** Fits the trainer's model on the training window's candles only and puts it in front of the chain. */
    private static BacktestConfig withModel(
            BacktestConfig config,
            List<KlineSeries> series,
            WalkForwardWindow window,
            double threshold,
            Tables tables,
            PrintStream out) {
        SignalDataset dataset = new SignalDataset(config, window.labelHorizon());
        TimeWindow train = window.train();
        TrainingRun.Result trained = new TrainingRun(
                        dataset, new ModelTrainer(ModelTrainer.Parameters.DEFAULTS), threshold)
                .run(slice(series, train.from(), train.to()), train.from(), train.to(), 0.2);
        MlModel model = new MlModel(
                "wf-fold-" + window.index(),
                new XgboostJsonReader().read(trained.model().modelJson()));
        // the model's probabilities on the test window's signals: its calibration out of sample
        List<LabelledSignal> test = new ArrayList<>();
        for (KlineSeries one :
                slice(series, window.test().from(), window.test().to().plus(window.labelHorizon()))) {
            dataset.rows(one, window.test().from(), window.test().to().plus(window.labelHorizon())).stream()
                    .filter(r -> window.test().contains(r.time()))
                    .forEach(test::add);
        }
        double[] p = trained.model().predict(test);
        for (int i = 0; i < p.length; i++) {
            tables.mlPredictions.add(new double[] {p[i], test.get(i).label()});
        }
        out.printf(
                Locale.ROOT,
                "window %d: model fitted on %d signals of %s; own validation AUC %.3f%n",
                window.index(),
                trained.trainRows(),
                train,
                trained.validation().auc());
        return config.withSignal(config.signal().withMlFilter(new MlFilter(threshold, ModelSource.of(model))));
    }

    static List<KlineSeries> slice(List<KlineSeries> series, Instant from, Instant to) {
        return series.stream()
                .map(s -> new KlineSeries(
                        s.symbol(),
                        s.interval(),
                        s.candles().stream()
                                .filter(c -> !c.openTime().isBefore(from)
                                        && c.openTime().isBefore(to))
                                .toList()))
                .toList();
    }

    /** What the test windows add up to. */
    private static final class Tables {
        final BreakdownTable tradesByStrategy = new BreakdownTable();
        final BreakdownTable tradesByGrade = new BreakdownTable();
        final BreakdownTable signalsByGrade = new BreakdownTable();
        final BreakdownTable tradeableByGrade = new BreakdownTable();
        final BreakdownTable signalsByStrategy = new BreakdownTable();
        final List<double[]> mlPredictions = new ArrayList<>();

        int add(BacktestResult result, TimeWindow test, int horizonBars) {
            Map<UUID, SignalRecord> byId = new HashMap<>();
            Map<Object, List<Instant>> opens = new HashMap<>();
            double cost = SignalOutcomes.roundTripCost(result.config().venue());
            for (SignalRecord signal : result.signals()) {
                byId.put(signal.signalId(), signal);
                if (!test.contains(signal.openTime())) {
                    continue;
                }
                double net = forwardReturn(
                                result,
                                signal,
                                horizonBars,
                                opens.computeIfAbsent(
                                        signal.symbol(),
                                        s -> result.prices(signal.symbol()).stream()
                                                .map(PriceBar::openTime)
                                                .toList()))
                        - cost;
                if (Double.isNaN(net)) {
                    continue;
                }
                signalsByGrade.add(signal.grade().name(), net);
                signalsByStrategy.add(signal.strategyId(), net);
                if (signal.tradeable()) {
                    tradeableByGrade.add(signal.grade().name(), net);
                }
            }
            BigDecimal equity = result.startingEquity();
            int counted = 0;
            for (ClosedTrade trade : result.trades()) {
                if (!test.contains(trade.openedAt())) {
                    continue;
                }
                double net = trade.pnl().divide(equity, MathContext.DECIMAL64).doubleValue();
                SignalRecord entry = trade.entrySignalId() == null ? null : byId.get(trade.entrySignalId());
                tradesByStrategy.add(trade.strategyId(), net);
                tradesByGrade.add(entry == null ? "?" : entry.grade().name(), net);
                counted++;
            }
            return counted;
        }

        /** Return in the signal's direction from its candle's close to the close horizonBars later; NaN past the end. */
        private static double forwardReturn(
                BacktestResult result, SignalRecord signal, int horizonBars, List<Instant> opens) {
            List<PriceBar> bars = result.prices(signal.symbol());
            int entry = Collections.binarySearch(opens, signal.openTime());
            if (entry < 0 || entry + horizonBars >= bars.size()) {
                return Double.NaN;
            }
            double in = bars.get(entry).close().doubleValue();
            double out = bars.get(entry + horizonBars).close().doubleValue();
            return signal.side() == Side.BUY ? out / in - 1.0 : 1.0 - out / in;
        }

        void print(boolean ml, PrintStream out) {
            out.println("\nClosed trades (engine: P&L after fees over starting equity, bp of equity)");
            out.print(tradesByStrategy.markdown("strategy", "bp eq", BASIS_POINTS));
            out.println();
            out.print(tradesByGrade.markdown("grade", "bp eq", BASIS_POINTS));
            out.println("\nEvery validated signal, forward return at the label horizon after round-trip costs (bp)");
            out.print(signalsByGrade.markdown("grade", "bp", BASIS_POINTS));
            out.println();
            out.print(signalsByStrategy.markdown("strategy", "bp", BASIS_POINTS));
            out.println("\nTradeable signals only, by grade (bp)");
            out.print(tradeableByGrade.markdown("grade", "bp", BASIS_POINTS));
            if (ml) {
                printCalibration(out);
            }
        }

        /** Brier score of the fold models on their test windows, and its skill against the test base rate. */
        private void printCalibration(PrintStream out) {
            int n = mlPredictions.size();
            double brier = 0;
            double positives = 0;
            double[] p = new double[n];
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                double[] row = mlPredictions.get(i);
                p[i] = row[0];
                y[i] = (float) row[1];
                brier += (row[0] - row[1]) * (row[0] - row[1]);
                positives += row[1];
            }
            brier /= n;
            double base = positives / n;
            double reference = base * (1 - base);
            ClassifierMetrics metrics = ClassifierMetrics.of(p, y);
            out.printf(
                    Locale.ROOT,
                    "%nML probability out of sample: %d signals, base rate %.4f, Brier %.5f, reference "
                            + "%.5f, skill %.5f, AUC %.4f, log-loss %.5f vs %.5f%n",
                    n,
                    base,
                    brier,
                    reference,
                    1 - brier / reference,
                    metrics.auc(),
                    metrics.logLoss(),
                    metrics.baselineLogLoss());
        }
    }
}
