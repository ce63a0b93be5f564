package dev.peregrine.benchmarks.signal;

import dev.peregrine.benchmarks.Machine;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.application.SignalChain;
import dev.peregrine.signal.domain.bar.Bar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The signal hot path for one closed candle of one series, run by signal-service's own chain
 * ({@link SignalChain.Series#next}: the chain the service's Kafka path runs, here with
 * {@link SignalChain#withServiceDefaults()}):
 * the state updates (indicator bank, pattern detector, feature tracker, regime classifier), the registry's view of
 * each analyst, the five analysts, consensus, debate and arbiter, the validation of every directional opinion and
 * its signal id. Persistence, Kafka, metrics and the conversion of the candle event are not in it.
 *
 * <p>Bars: the real Binance klines of {@link #symbol} ({@link Klines#locate}) or, when the data folder is absent,
 * {@link Klines#generated} bars; the setup prints which ({@code # signal bars: ...}). The pipeline is warmed up
 * with the first {@value #WARM_UP_BARS} bars so every indicator, the regime baseline and the analysts are live
 * when measuring starts. Each invocation feeds the next bar; after the last one the series goes on with the same
 * bars shifted in time by the file's span rounded up to whole days (one price jump at the seam, a handful of candles in millions), so a
 * long run never re-enters warm-up.
 *
 * <p>{@code closedCandleLatency} (SampleTime) gives the distribution (p50, p99, p99.9) per candle,
 * {@code closedCandleThroughput} candles per second on one thread. Commands and figures: docs/performance.md,
 * section "Signal".
 */
@State(Scope.Thread)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 5)
public class SignalHotPathBenchmark {

    static final int WARM_UP_BARS = 1_000;
    static final int GENERATED_BARS = 100_000;
    static final long GENERATED_SEED = 42;

    @Param({"BTCUSDT"})
    public String symbol;

    @Param({"15m"})
    public String interval;

    private Bar[] bars;
    private long spanMillis;
    private long shiftMillis;
    private int cursor;
    private SignalChain.Series chain;

    @Setup(Level.Trial)
    public void setUp() {
        Machine.printOnce();
        Interval seriesInterval = Interval.fromCode(interval);
        Duration step = seriesInterval.length();
        Optional<Path> file = Klines.locate(symbol, interval);
        List<Bar> series =
                file.map(Klines::read).orElseGet(() -> Klines.generated(GENERATED_BARS, step, GENERATED_SEED));
        System.out.println(file.map(path -> "# signal bars: real, " + series.size() + " klines of " + path)
                .orElse("# signal bars: GENERATED (" + series.size() + " synthetic " + interval + " bars, seed "
                        + GENERATED_SEED + "): no ../shared/data"));
        if (series.size() <= WARM_UP_BARS) {
            throw new IllegalStateException("need more than " + WARM_UP_BARS + " bars, got " + series.size());
        }
        bars = series.toArray(Bar[]::new);
        // Whole days, so the replayed bars fall in the same UTC sessions (VWAP, prior day) as the first time.
        long day = Duration.ofDays(1).toMillis();
        long span = bars[bars.length - 1].openTime().toEpochMilli()
                - bars[0].openTime().toEpochMilli()
                + step.toMillis();
        spanMillis = (span + day - 1) / day * day;
        chain = SignalChain.withServiceDefaults().newSeries(Symbol.of(symbol), seriesInterval);
        for (int i = 0; i < WARM_UP_BARS; i++) {
            chain.next(bars[i]);
        }
        cursor = WARM_UP_BARS;
    }

    private Bar next() {
        if (cursor == bars.length) {
            cursor = 0;
            shiftMillis += spanMillis;
        }
        Bar bar = bars[cursor++];
        return shiftMillis == 0 ? bar : shifted(bar, shiftMillis);
    }

    private static Bar shifted(Bar bar, long millis) {
        return new Bar(
                bar.openTime().plusMillis(millis),
                bar.closeTime().plusMillis(millis),
                bar.open(),
                bar.high(),
                bar.low(),
                bar.close(),
                bar.volume(),
                bar.quoteVolume(),
                bar.takerBuyBaseVolume(),
                bar.qualityFlags());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public SignalChain.Step closedCandleLatency() {
        return chain.next(next());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public SignalChain.Step closedCandleThroughput() {
        return chain.next(next());
    }
}
