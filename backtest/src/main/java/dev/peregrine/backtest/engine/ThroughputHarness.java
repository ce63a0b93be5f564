package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.InstrumentUpdated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How fast the engine runs on one thread: whole kline files through ingest's quality stage, the signal chain with
 * its five analysts, risk's book, limits and exits, and the paper venue's fill model, with the services' default
 * configuration. Reading and parsing the files is done once, before the timing; each run is the whole
 * {@link BacktestEngine#run}, result included. Prints every run and the median after the warm-up runs. With
 * {@code --prepared}, ingest's quality stage also runs once before the timing and each run starts from its
 * {@link CandleFeed} ({@link BacktestEngine#run(List, List)}, what an optimiser trying many configurations does).
 *
 * <pre>
 * java -cp ... dev.peregrine.backtest.engine.ThroughputHarness [--runs=7] [--warm-up=3] [--candles=N] [--prepared] FILE...
 * </pre>
 * With several files, they run together (interleaved by candle time), as a multi-symbol backtest does.
 */
public final class ThroughputHarness {

    private ThroughputHarness() {}

    public static void main(String[] args) {
        int runs = 7;
        int warmUp = 3;
        int limit = Integer.MAX_VALUE;
        boolean prepared = false;
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--prepared")) {
                prepared = true;
                continue;
            }
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.startsWith("--warm-up=")) {
                warmUp = Integer.parseInt(arg.substring("--warm-up=".length()));
            } else if (arg.startsWith("--candles=")) {
                limit = Integer.parseInt(arg.substring("--candles=".length()));
            } else if (Files.isRegularFile(Path.of(arg))) {
                files.add(Path.of(arg));
            } else {
                System.err.println("not a file or an option: " + arg);
                System.exit(2);
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: ThroughputHarness [--runs=7] [--warm-up=3] [--candles=N] FILE...");
            System.exit(2);
        }
        List<KlineSeries> series = new ArrayList<>();
        for (Path file : files) {
            series.add(KlineSeries.read(file, Instant.MIN, Instant.MAX, limit));
        }
        BacktestConfig config = BacktestConfig.serviceDefaults();
        BacktestEngine engine = new BacktestEngine(config);
        List<InstrumentUpdated> instruments = InstrumentRules.of(
                config.instrumentsSnapshot(),
                series.stream().map(KlineSeries::symbol).distinct().toList());
        List<CandleClosed> feed = prepared ? CandleFeed.of(series, config.quality()) : null;
        System.out.printf(
                Locale.ROOT,
                "# %s%s; %d warm-up + %d measured runs; Java %s on %d processors%n",
                files,
                prepared ? ", quality stage before the timing" : "",
                warmUp,
                runs,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        double[] rates = new double[runs];
        for (int i = -warmUp; i < runs; i++) {
            long started = System.nanoTime();
            BacktestResult result = prepared ? engine.run(instruments, feed) : engine.run(series);
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = result.candles() / seconds;
            System.out.printf(
                    Locale.ROOT,
                    "%s run %d: %,d candles in %.2f s = %,.0f candles/s (%,d signals, %,d "
                            + "decisions, %,d fills, %,d trades, final equity %s)%n",
                    i < 0 ? "warm-up" : "measured",
                    i < 0 ? i + warmUp + 1 : i + 1,
                    result.candles(),
                    seconds,
                    rate,
                    result.signals().size(),
                    result.decisions().size(),
                    result.fills().size(),
                    result.trades().size(),
                    result.finalEquity()
                            .setScale(2, java.math.RoundingMode.HALF_EVEN)
                            .toPlainString());
            if (i >= 0) {
                rates[i] = rate;
            }
        }
        Arrays.sort(rates);
        System.out.printf(
                Locale.ROOT,
                "MEDIAN %,.0f candles/s (min %,.0f, max %,.0f) over %d runs%n",
                rates[runs / 2],
                rates[0],
                rates[runs - 1],
                runs);
    }
}
