package dev.peregrine.benchmarks.crosscheck;

import dev.peregrine.benchmarks.Machine;
import dev.peregrine.benchmarks.audit.AuditOptions;
import dev.peregrine.benchmarks.audit.AuditStores;
import dev.peregrine.benchmarks.audit.AuditSuite;
import dev.peregrine.benchmarks.audit.ChainDrain;
import dev.peregrine.benchmarks.audit.KlineInput;
import dev.peregrine.benchmarks.ingest.ReplayClient;
import dev.peregrine.benchmarks.ingest.ReplayFiles;
import dev.peregrine.benchmarks.signal.Klines;
import dev.peregrine.benchmarks.signal.SignalGradeReport;
import dev.peregrine.common.event.Grade;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.RealInfrastructure;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The cross-check of docs/monitoring.md: one Binance kline file (or its first N candles) measured twice, and the two
 * compared per grade and signal by signal at 4 h.
 * <ol>
 *   <li>Offline: {@link SignalGradeReport#run} (signal-service's chain with its defaults, forward return from the
 *       next candle's open to the first open at least 16 x 15 m later, gross, hit = return > 0).</li>
 *   <li>Through the suite as the replay audit runs it: embedded Kafka and PostgreSQL (a database of its own), the
 *       five services in this JVM, the file replayed over ingest's REST API, the chain drained; then the monitor's
 *       measured 4 h outcomes from {@code monitor.signal_outcomes} (gross return, hit = gross > 0) and from
 *       {@code GET /api/v1/quality?groupBy=grade&horizon=4h}, with the monitor's round-trip cost set to 0 for the run
 *       so that its net return and hit are the gross ones.</li>
 * </ol>
 * Signals too close to the file's end for a 4 h exit are left out on both sides (the report drops them, the monitor
 * keeps them PENDING); their numbers are checked to match. Because the report reads the raw file, which carries no
 * data-quality flags, while signal-service grades a candle ingest flagged F, the report's chain is also run on the
 * candles with ingest's flags ({@code ingest.candles}), and every raw difference is classified. Exit status: see
 * {@link Verdict}; 2 for a bad command line.
 */
public final class MonitorCrossCheck {

    public static final Duration HORIZON = Duration.ofHours(4);
    /** Set for the run: the monitor's hit and mean become the gross ones the report uses. */
    static final String COST_PROPERTY = "peregrine.monitor.outcomes.round-trip-cost";
    /**
     * Set for the run: the monitor keeps every candle of the file. At speed 0 its candle listener may run more than the
     * default 48 h of candles ahead of its signal listener; signals arriving behind the pruning are then (rightly)
     * given up as CANDLES_PRUNED, and the comparison would depend on which listener won the race.
     */
    static final String RETENTION_PROPERTY = "peregrine.monitor.outcomes.candle-retention";

    static final Map<String, String> RUN_PROPERTIES = Map.of(COST_PROPERTY, "0", RETENTION_PROPERTY, "36500d");

    static final String USAGE = """
            Replays one Binance kline file through the suite and checks that the monitor's per-grade 4 h figures (count,
            hit rate, mean gross forward return) equal SignalGradeReport's on the same candles, signal by signal.

              MonitorCrossCheck FILE [--candles=N] [--quiet=20s] [--timeout=90m] [--progress=30s]

            Exit status: 0 when both sides agree; 3 when they differ only in the grades of signals on candles ingest flagged
            (and agree once the report's chain gets ingest's flags); 1 when they differ otherwise or the chain did not
            drain; 2 for a bad command line.
            """;

    /** How the two sides compare. */
    public enum Verdict {
        /** Equal on the raw file, per grade and signal by signal. Exit status 0. */
        AGREE,
        /**
         * The returns, hits and counts are equal signal by signal, but signals on candles ingest flagged are graded
         * differently (the report grades the raw file, signal-service the flagged candle: F); with ingest's flags the
         * report agrees exactly. Exit status 3.
         */
        DIFFER_ONLY_ON_FLAGGED_CANDLES,
        /** Anything else, or the chain did not drain. Exit status 1. */
        DIFFER;

        public int exitStatus() {
            return switch (this) {
                case AGREE -> 0;
                case DIFFER_ONLY_ON_FLAGGED_CANDLES -> 3;
                case DIFFER -> 1;
            };
        }
    }

    /**
     * What a run found.
     *
     * @param raw              the report on the raw file (as {@code SignalGradeReport} runs) against the monitor
     * @param withFlags        the report's chain fed the same candles with ingest's quality flags, against the monitor
     * @param flagged          candles ingest flagged
     * @param reportUnresolved signals the report dropped (no 4 h exit in the file)
     * @param monitorStatus    the monitor's 4 h rows by status
     * @param problems         what is not as it should be besides the grade figures (drain, counts, cost)
     * @param unexplained      raw differences not explained by ingest's flags
     */
    public record Result(
            Verdict verdict,
            boolean drained,
            GradeComparison raw,
            GradeComparison withFlags,
            int flagged,
            int reportSignals,
            int reportUnresolved,
            Map<String, Integer> monitorStatus,
            List<String> problems,
            List<GradeComparison.SignalDifference> unexplained,
            String text) {

        public boolean passed() {
            return verdict == Verdict.AGREE;
        }
    }

    private final AuditOptions options;
    private final PrintStream out;

    public MonitorCrossCheck(AuditOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Optional<AuditOptions> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage().replace(AuditOptions.USAGE, USAGE));
            System.exit(2);
            return;
        }
        if (options.isEmpty()) {
            System.out.print(USAGE);
            return;
        }
        // The embedded broker's threads would keep the JVM alive, after a verdict or a failure alike (a failed start
        // once hung the five-file loop for 22 minutes); exiting runs their shutdown hooks, which stop them cleanly.
        Verdict verdict;
        try {
            verdict = new MonitorCrossCheck(options.get(), System.out).run().verdict();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.exit(verdict.exitStatus());
    }

    /** The replay audit's options; {@code --candles N} is also accepted for {@code --candles=N}. */
    public static Optional<AuditOptions> parse(String... args) {
        List<String> normalised = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--candles") && i + 1 < args.length) {
                normalised.add("--candles=" + args[++i]);
            } else if (args[i].startsWith("--summary")) {
                throw new IllegalArgumentException("unknown option --summary\n" + USAGE);
            } else {
                normalised.add(args[i]);
            }
        }
        return AuditOptions.parse(normalised.toArray(String[]::new));
    }

    public Result run() throws Exception {
        long began = System.nanoTime();
        out.println("# Machine: " + Machine.describe());
        KlineInput input = KlineInput.of(options.file());
        Path file = input.file();
        Series series = input.series();
        String symbol = series.symbol().value();
        Duration step = series.interval().length();
        if (HORIZON.toMillis() % step.toMillis() != 0) {
            throw new IllegalArgumentException(
                    "4 h is not a whole number of " + series.interval().code() + " candles");
        }
        int horizonCandles = (int) (HORIZON.toMillis() / step.toMillis());
        Path work = Files.createTempDirectory("monitor-cross-check");
        try {
            Path replayed = options.candles() > 0 ? ReplayFiles.firstLines(file, options.candles(), work) : file;
            String what =
                    file.getFileName() + (options.candles() > 0 ? " (first " + options.candles() + " candles)" : "");

            // 1. The report, on exactly the file ingest will replay.
            List<Bar> bars = Klines.read(replayed);
            SignalGradeReport.SymbolRun report = SignalGradeReport.run(symbol, bars, series.interval(), horizonCandles);
            List<SignalReturn> reportReturns = returns(report);
            out.printf(
                    Locale.ROOT,
                    "# SignalGradeReport on %s: %,d candles, %,d signals, %,d with a %d-candle exit, "
                            + "%,d without (dropped)%n",
                    what,
                    report.candles(),
                    report.signals(),
                    reportReturns.size(),
                    horizonCandles,
                    report.unresolved());

            // 2. The suite, with the monitor's round-trip cost at 0.
            InfrastructureEndpoints shared = RealInfrastructure.get();
            InfrastructureEndpoints infra = PrivateDatabase.create(shared);
            JdbcClient jdbc = JdbcClient.create(
                    new DriverManagerDataSource(infra.jdbcUrl(), infra.jdbcUsername(), infra.jdbcPassword()));
            String operatorToken = token();
            String viewerToken = token();
            Map<String, String> previous = new HashMap<>();
            RUN_PROPERTIES.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
            AuditSuite suite;
            try {
                suite = AuditSuite.start(infra, operatorToken, viewerToken, replayed.getParent());
            } finally {
                previous.forEach((key, value) -> {
                    if (value == null) {
                        System.clearProperty(key);
                    } else {
                        System.setProperty(key, value);
                    }
                });
            }
            try (suite) {
                out.printf(
                        Locale.ROOT,
                        "# Services started in %.1f s (Kafka %s, %s)%n",
                        (System.nanoTime() - began) / 1e9,
                        infra.kafkaBootstrapServers(),
                        infra.jdbcUrl());
                ReplayClient replays = new ReplayClient(suite.apiPort("ingest"), operatorToken, viewerToken);
                ReplayClient.Run started = replays.start(
                        replayed,
                        "klines-csv",
                        Optional.of(symbol),
                        Optional.of(series.interval().code()));
                // Waits as the audit does for the run to complete and every consumer group to drain.
                ChainDrain.Outcome drain;
                try (ChainDrain chain =
                        new ChainDrain(infra.kafkaBootstrapServers(), new AuditStores(jdbc), replays, out)) {
                    drain = chain.await(started.id(), options);
                }
                boolean drained =
                        drain.drained() && "COMPLETED".equals(drain.run().status());
                out.printf(
                        Locale.ROOT,
                        "# Replay %s, %,d candles published; chain %s after %.0f s%n",
                        drain.run().status(),
                        drain.run().candlesPublished(),
                        drain.drained() ? "drained" : "NOT drained",
                        drain.untilLastChange().toMillis() / 1e3);

                MonitorOutcomes monitor = new MonitorOutcomes(jdbc);
                Map<String, Integer> status = monitor.statusCounts(symbol, HORIZON);
                List<SignalReturn> measured = monitor.measured(symbol, HORIZON);
                List<BigDecimal> costs = monitor.roundTripCosts(symbol, HORIZON);
                Map<Grade, GradeFigures> api =
                        MonitorOutcomes.quality(suite.apiPort("monitor"), viewerToken, symbol, "4h");
                GradeComparison raw = GradeComparison.of(reportReturns, measured, api);

                // The same chain on the candles as signal-service received them: with ingest's quality flags.
                IngestFlags flags =
                        IngestFlags.read(jdbc, symbol, series.interval().code());
                SignalGradeReport.SymbolRun flaggedReport =
                        SignalGradeReport.run(symbol, flags.apply(bars), series.interval(), horizonCandles);
                GradeComparison withFlags = GradeComparison.of(returns(flaggedReport), measured, api);

                Result result = CrossCheckRuling.rule(
                        what, report, drained, drain.run().status(), flags, status, costs, raw, withFlags);
                out.print(result.text());
                return result;
            }
        } finally {
            ReplayFiles.deleteRecursively(work);
        }
    }

    private static List<SignalReturn> returns(SignalGradeReport.SymbolRun run) {
        return run.outcomes().stream()
                .map(o -> new SignalReturn(o.signalId(), o.strategy(), o.grade(), o.signalTime(), o.forwardBps()))
                .toList();
    }

    private static String token() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
