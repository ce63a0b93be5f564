package dev.peregrine.benchmarks.latency;

import dev.peregrine.benchmarks.Machine;
import dev.peregrine.benchmarks.audit.AuditSuite;
import dev.peregrine.benchmarks.ingest.ReplayClient;
import dev.peregrine.benchmarks.ingest.ReplayFiles;
import dev.peregrine.benchmarks.signal.Klines;
import dev.peregrine.common.Topics;
import dev.peregrine.common.id.TimeOrderedIdGenerator;
import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.RealInfrastructure;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Candle -> order intent latency through the running suite (issue 14). Starts testkit's infrastructure (embedded
 * Kafka in this JVM, embedded PostgreSQL) and the five services as the replay audit runs them ({@link AuditSuite}),
 * replays each series' first bars through ingest's REST API (the suite's own way to sync instruments; it also warms
 * the indicators up), then publishes the series' following real candles on a fixed schedule ({@link FixedRateFeeder})
 * while {@link ChainCollector} times what comes back. Prints the report ({@link LatencyReport}) to standard output.
 */
public final class CandleToIntentHarness {

    /**
     * The series in the order {@code --series=N} takes them: the five symbols with instruments in ingest's snapshot,
     * at 15m. Not also their 1h files: those start in 2017-2018 and the 15m ones in 2023, and one symbol's candles
     * jumping five years back and forth would not be a market the suite is meant for.
     */
    static final List<String> SERIES =
            List.of("BTCUSDT-15m", "ETHUSDT-15m", "SOLUSDT-15m", "BNBUSDT-15m", "XRPUSDT-15m");

    private static final String SIGNAL_GROUP = "signal-service";
    private static final String RISK_GROUP = "risk-service";
    private static final String EXECUTION_GROUP = "execution-service";

    private final LatencyOptions options;
    private final PrintStream out;

    CandleToIntentHarness(LatencyOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Optional<LatencyOptions> options;
        try {
            options = LatencyOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.isEmpty()) {
            System.out.print(LatencyOptions.USAGE);
            return;
        }
        Outcome outcome = new CandleToIntentHarness(options.get(), System.out).run();
        // The embedded broker's threads would keep the JVM alive; its shutdown hooks stop it cleanly.
        System.exit(outcome.complete() ? 0 : 1);
    }

    /** What a run measured. Complete when every intent matched a candle and every candle was sent. */
    record Outcome(LatencyLedger ledger, LatencyReport.RunFacts facts, String report) {

        boolean complete() {
            return facts.unmatchedIntents() == 0 && ledger.sendFailures.get() == 0;
        }
    }

    Outcome run() throws Exception {
        // Intents published before this run are another run's (a broker shared with other tests): never ours to match.
        long runStartedEpochMillis = System.currentTimeMillis();
        out.println("# Machine: " + Machine.describe());
        List<Path> files = new ArrayList<>();
        for (String name : SERIES.subList(0, options.series())) {
            String[] parts = name.split("-");
            files.add(
                    Klines.locate(parts[0], parts[1])
                            .orElseThrow(
                                    () -> new IllegalStateException(
                                            "no " + name
                                                    + ".csv.gz in ../shared/data/binance/klines (or -Dperegrine.data): the harness feeds real data")));
        }
        List<KlineSeries> series = new ArrayList<>();
        for (Path file : files) {
            series.add(KlineSeries.read(file, options.primeBars()));
        }
        out.printf(
                Locale.ROOT,
                "# Data: real Binance klines, %s; the first %d bars of each replayed through ingest%n",
                files.stream().map(f -> f.getFileName().toString()).toList(),
                options.primeBars());
        Path work = Files.createTempDirectory("latency-harness");
        long began = System.nanoTime();
        InfrastructureEndpoints infra = RealInfrastructure.get();
        String operatorToken = token();
        String viewerToken = token();
        try (AuditSuite suite = AuditSuite.start(infra, operatorToken, viewerToken, work);
                GroupLag lag = new GroupLag(infra.kafkaBootstrapServers())) {
            out.printf(
                    Locale.ROOT,
                    "# Infrastructure and services started in %.1f s%n",
                    (System.nanoTime() - began) / 1e9);
            prime(new ReplayClient(suite.apiPort("ingest"), operatorToken, viewerToken), series, work);
            awaitCaughtUp(lag, Duration.ofMinutes(3));
            LatencyLedger ledger = new LatencyLedger();
            LatencyReport.RunFacts facts;
            try (StageCpu cpu = new StageCpu(infra.jdbcUrl());
                    ChainCollector collector =
                            new ChainCollector(infra.kafkaBootstrapServers(), ledger, runStartedEpochMillis);
                    FixedRateFeeder feeder = new FixedRateFeeder(
                            infra.kafkaBootstrapServers(),
                            series,
                            ledger,
                            new TimeOrderedIdGenerator(Clock.systemUTC(), new SecureRandom()),
                            Clock.systemUTC())) {
                long feedStart = System.nanoTime();
                cpu.start();
                Thread feeding = Thread.ofPlatform()
                        .name("latency-feeder")
                        .start(() -> feeder.run(options.candles(), options.rate(), options.warmupCandles()));
                while (!feeding.join(options.progress())) {
                    progress(ledger, feeder, lag, feedStart);
                }
                double feedSeconds = (System.nanoTime() - feedStart) / 1e9;
                boolean drained = awaitCaughtUp(lag, options.drainTimeout());
                long lagAtEnd =
                        lag.of(SIGNAL_GROUP, Topics.MARKET_CANDLES) + lag.of(RISK_GROUP, Topics.SIGNALS_VALIDATED);
                progress(ledger, feeder, lag, feedStart);
                String cpuReport = cpu.report();
                collector.close();
                facts = new LatencyReport.RunFacts(
                        options,
                        feedSeconds,
                        feeder.maxLateNanos(),
                        drained,
                        lagAtEnd,
                        ledger.unmatchedIntents(),
                        ledger.primedCandles(),
                        cpuReport);
            }
            String report = LatencyReport.render(ledger, facts);
            out.println();
            out.print(report);
            return new Outcome(ledger, facts, report);
        } finally {
            ReplayFiles.deleteRecursively(work);
        }
    }

    /** Replays the first bars of each series through ingest, one run after another, each to its end. */
    private void prime(ReplayClient replays, List<KlineSeries> series, Path work) throws Exception {
        if (options.primeBars() == 0) {
            out.println("# No priming: risk knows no instrument, so it will deny every entry");
            return;
        }
        for (KlineSeries s : series) {
            Path file = ReplayFiles.firstLines(s.file(), options.primeBars(), work);
            ReplayClient.Run run = replays.start(
                    file,
                    "klines-csv",
                    Optional.of(s.symbol().value()),
                    Optional.of(s.interval().code()));
            ReplayClient.Run[] last = {run};
            Awaitility.await()
                    .atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !(last[0] = replays.find(run.id())).running());
            if (!"COMPLETED".equals(last[0].status())) {
                throw new IllegalStateException(
                        "priming replay of " + file.getFileName() + " ended " + last[0].status());
            }
            out.printf(
                    Locale.ROOT,
                    "# Primed %s %s: %,d candles through ingest%n",
                    s.symbol().value(),
                    s.interval().code(),
                    last[0].candlesPublished());
        }
    }

    /**
     * Waits until signal-service has committed every candle, risk-service every signal and execution-service every
     * intent (so the venue's reports are out); false on timeout.
     */
    private boolean awaitCaughtUp(GroupLag lag, Duration timeout) {
        try {
            Awaitility.await()
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .pollDelay(Duration.ZERO)
                    .ignoreExceptions()
                    .until(() -> lag.of(SIGNAL_GROUP, Topics.MARKET_CANDLES) == 0
                            && lag.of(RISK_GROUP, Topics.SIGNALS_VALIDATED) == 0
                            && lag.of(EXECUTION_GROUP, Topics.ORDERS_INTENTS) == 0);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private void progress(LatencyLedger ledger, FixedRateFeeder feeder, GroupLag lag, long feedStart)
            throws ExecutionException, InterruptedException {
        out.printf(
                Locale.ROOT,
                "# %5.0f s  sent %,d (last %.1f ms late) | ours: %,d signals, %,d intents | lag:"
                        + " signal-service %,d candles, risk-service %,d signals%n",
                (System.nanoTime() - feedStart) / 1e9,
                ledger.candlesSent.get(),
                feeder.lastLateNanos() / 1e6,
                ledger.signalsOfOurs.get(),
                ledger.intentsOfOurs.get(),
                lag.of(SIGNAL_GROUP, Topics.MARKET_CANDLES),
                lag.of(RISK_GROUP, Topics.SIGNALS_VALIDATED));
    }

    private static String token() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
