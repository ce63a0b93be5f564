package dev.peregrine.backtest.ml;

import dev.peregrine.backtest.cli.KlineFiles;
import dev.peregrine.backtest.cli.UsageException;
import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.common.value.Interval;
import dev.peregrine.signal.domain.ml.MlFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Trains the ML filter's model on a window of kline files and writes what an operator uploads:
 * {@code model.json} (XGBoost's JSON model) and {@code candidate.json} (the registry's upload body: version, window,
 * feature schema, metrics and the model), plus a summary on standard output.
 * <pre>
 * java -cp "$(cat backtest/target/backtest.classpath):backtest/target/classes" dev.peregrine.backtest.ml.TrainerMain \
 *   --data-dir ../shared/data/binance/klines --symbols BTCUSDT,ETHUSDT --interval 15m \
 *   --from 2023-01-02 --to 2024-09-01 --out target/ml-model [--horizon 4h] [--validation 0.2] [--version xgb-...]
 * </pre>
 * Only candles opening inside [from, to) are read; the last {@code --validation} part of that window measures the
 * model and is never fitted on.
 */
public final class TrainerMain {

    /** What {@code ./backtest.sh train-ml --help} prints. */
    static final String HELP = """
            usage: ./backtest.sh train-ml --data-dir DIR --from DAY --to DAY --out DIR [--key value ...]
            Trains the ML filter's gradient-boosted model on the signals of candles opening inside [from, to); the
            last --validation part of that window measures the model and is never fitted on. Writes model.json and
            candidate.json (the model registry's upload body) into --out.
            options (default):
              --data-dir DIR       folder of SYMBOL-INTERVAL.csv.gz kline files (required)
              --from DAY           first day YYYY-MM-DD or instant 2024-01-01T00:00:00Z (required)
              --to DAY             end, exclusive, same forms (required)
              --out DIR            where model.json and candidate.json go (required)
              --symbols A,B        symbols (BTCUSDT,ETHUSDT,SOLUSDT,BNBUSDT,XRPUSDT)
              --interval I         kline interval (15m)
              --horizon H          the label's forward horizon, like 4h, 90m or 1d (4h)
              --validation F       the window's last part that measures the model, 0 < F < 1 (0.2)
              --version V          the model's version (xgb-TO-HOURSh)
              --help               this text
            exit codes: 0 done, 2 a mistake in what was asked (the message says which), 1 a failure while training
            details: docs/backtesting.md, section "train-ml"
            """;

    private static final List<String> REQUIRED = List.of("--data-dir", "--from", "--to", "--out");
    private static final List<String> OPTIONAL =
            List.of("--symbols", "--interval", "--horizon", "--validation", "--version");

    private TrainerMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The command line: {@code --help} prints the options, 0; a mistake in what was asked, one line on {@code err}
     * saying what to change, 2; a failure while training or writing, 1.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(HELP);
            return 0;
        }
        try {
            run(options(args), out);
            return 0;
        } catch (UsageException e) {
            err.println("train-ml: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("train-ml: failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    /** @throws UsageException naming the option that is wrong and how to put it right */
    static Map<String, String> options(String... args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "--interval",
                "15m",
                "--horizon",
                "4h",
                "--validation",
                "0.2",
                "--symbols",
                "BTCUSDT,ETHUSDT,SOLUSDT,BNBUSDT,XRPUSDT"));
        Set<String> given = new HashSet<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!REQUIRED.contains(args[i]) && !OPTIONAL.contains(args[i])) {
                throw new UsageException("unknown option " + args[i] + "; the options are "
                        + String.join(", ", REQUIRED) + ", " + String.join(", ", OPTIONAL)
                        + " (./backtest.sh train-ml --help)");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option " + args[i] + " needs a value");
            }
            if (!given.add(args[i])) {
                throw new UsageException("option " + args[i] + " given twice");
            }
            options.put(args[i], args[i + 1]);
        }
        for (String required : REQUIRED) {
            if (!options.containsKey(required)) {
                throw new UsageException(required + " is required (./backtest.sh train-ml --help)");
            }
        }
        interval(options.get("--interval"));
        duration(options.get("--horizon"));
        validation(options.get("--validation"));
        if (!day(options.get("--from")).isBefore(day(options.get("--to")))) {
            throw new UsageException(
                    "--to must be after --from: " + options.get("--from") + " to " + options.get("--to"));
        }
        return options;
    }

    static TrainingRun.Result run(Map<String, String> options, PrintStream out) throws IOException {
        Instant from = day(options.get("--from"));
        Instant to = day(options.get("--to"));
        Duration horizon = duration(options.get("--horizon"));
        Interval interval = interval(options.get("--interval"));
        List<String> symbols = List.of(options.get("--symbols").split(","));
        BacktestConfig config = BacktestConfig.serviceDefaults();
        SignalDataset dataset = new SignalDataset(config, horizon);
        double threshold = config.signal().mlFilter().threshold();
        List<KlineSeries> series =
                KlineFiles.locate(Path.of(options.get("--data-dir")), symbols, interval.code()).values().stream()
                        .map(file -> KlineSeries.read(file, from, to, Integer.MAX_VALUE))
                        .toList();
        TrainingRun.Result result = new TrainingRun(
                        dataset, new ModelTrainer(ModelTrainer.Parameters.DEFAULTS), threshold)
                .run(series, from, to, validation(options.get("--validation")));
        String version =
                options.getOrDefault("--version", "xgb-" + options.get("--to") + "-" + horizon.toHours() + "h");
        Path outDir = Path.of(options.get("--out"));
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("model.json"), result.model().modelJson(), StandardCharsets.UTF_8);
        Files.writeString(
                outDir.resolve("candidate.json"),
                candidate(version, result, symbols, interval, horizon, dataset.roundTripCost()),
                StandardCharsets.UTF_8);
        out.print(summary(version, result, dataset.roundTripCost(), outDir));
        return result;
    }

    /** The registry's upload body; the model is spliced in as written, so its numbers stay exactly XGBoost's. */
    static String candidate(
            String version,
            TrainingRun.Result r,
            List<String> symbols,
            Interval interval,
            Duration horizon,
            double cost) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        root.put("version", version);
        root.put("kind", "xgboost-binary-logistic");
        // The model was fitted on signals whose horizon ended before the split: that is its training window.
        root.put("trainedFrom", r.from().toString());
        root.put("trainedTo", r.split().toString());
        root.put("featureSchema", MlFeatures.SCHEMA_VERSION);
        ObjectNode m = root.putObject("metrics");
        m.put("validationFrom", r.split().toString());
        m.put("validationTo", r.to().toString());
        m.put("symbols", String.join(",", symbols));
        m.put("interval", interval.code());
        m.put("horizon", horizon.toString());
        m.put("roundTripCost", cost);
        m.put("trainRows", r.trainRows());
        m.put("droppedAtSplit", r.droppedAtSplit());
        m.put("trainAuc", r.trainMetrics().auc());
        m.put("validationRows", r.validation().rows());
        m.put("validationAuc", r.validation().auc());
        m.put("validationLogLoss", r.validation().logLoss());
        m.put("validationBaseRate", r.validation().baseRate());
        m.put("validationBaselineLogLoss", r.validation().baselineLogLoss());
        m.put("threshold", r.effect().threshold());
        m.put("validationPassed", r.effect().passed());
        m.put("validationMeanReturnAll", r.effect().meanReturnAll());
        m.put("validationMeanReturnPassed", finiteOrNull(r.effect().meanReturnPassed()));
        m.put("validationMeanReturnSkipped", finiteOrNull(r.effect().meanReturnSkipped()));
        String head = json.writeValueAsString(root);
        return head.substring(0, head.length() - 1) + ",\"artefact\":"
                + r.model().modelJson() + "}\n";
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static String summary(String version, TrainingRun.Result r, double cost, Path outDir) {
        ClassifierMetrics v = r.validation();
        TrainingRun.ThresholdEffect e = r.effect();
        return String.format(
                Locale.ROOT,
                """
                model %s: fitted on %d signals (%s to %s), measured on %d signals it never saw (%s to %s); %d dropped at the split
                round-trip cost %.4f; validation base rate %.3f (signals positive after costs)
                validation AUC %.4f (training %.4f), log-loss %.4f vs %.4f for always predicting the base rate
                at threshold %.2f: %d of %d pass; mean return after costs all %.5f, passed %s, skipped %s
                wrote %s and %s
                """,
                version,
                r.trainRows(),
                r.from(),
                r.split(),
                v.rows(),
                r.split(),
                r.to(),
                r.droppedAtSplit(),
                cost,
                v.baseRate(),
                v.auc(),
                r.trainMetrics().auc(),
                v.logLoss(),
                v.baselineLogLoss(),
                e.threshold(),
                e.passed(),
                e.signals(),
                e.meanReturnAll(),
                fmt(e.meanReturnPassed()),
                fmt(e.meanReturnSkipped()),
                outDir.resolve("model.json"),
                outDir.resolve("candidate.json"));
    }

    private static String fmt(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.5f", value) : "n/a";
    }

    private static Instant day(String text) {
        try {
            return text.contains("T")
                    ? Instant.parse(text)
                    : LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw new UsageException("not a date (2024-01-01) or instant (2024-01-01T00:00:00Z): " + text);
        }
    }

    private static Interval interval(String code) {
        try {
            return Interval.fromCode(code);
        } catch (RuntimeException e) {
            throw new UsageException("--interval must be a Binance kline interval like 15m or 1h, not " + code);
        }
    }

    private static double validation(String text) {
        try {
            double fraction = Double.parseDouble(text);
            if (fraction > 0 && fraction < 1) {
                return fraction;
            }
        } catch (NumberFormatException e) {
            // falls through to the usage message
        }
        throw new UsageException("--validation must be a fraction between 0 and 1, e.g. 0.2, not " + text);
    }

    private static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("d")) {
                return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // falls through to the usage message
        }
        throw new UsageException("--horizon must be like 4h, 90m or 1d: " + text);
    }
}
