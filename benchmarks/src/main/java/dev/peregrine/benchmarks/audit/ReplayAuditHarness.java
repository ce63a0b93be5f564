package dev.peregrine.benchmarks.audit;

import dev.peregrine.benchmarks.Machine;
import dev.peregrine.benchmarks.ingest.ReplayClient;
import dev.peregrine.benchmarks.ingest.ReplayFiles;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.risk.config.RiskProperties;
import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.RealInfrastructure;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Replays one Binance kline file through the whole suite with its defaults and audits the result from the services'
 * own stores and APIs ({@link ReplayAudit}): the infrastructure of testkit's {@link RealInfrastructure} (embedded
 * Kafka in this JVM and embedded PostgreSQL, both new, so the book starts fresh), the five services in this JVM
 * ({@link AuditSuite}), a replay started over ingest's REST API at speed 0, the wait for the run to complete and the
 * chain to drain ({@link ChainDrain}), then the checks, a Markdown report on standard output and the exit status.
 * One file per JVM: {@code benchmarks/replay-audit.sh} runs the files one after another.
 */
public final class ReplayAuditHarness {

    private final AuditOptions options;
    private final PrintStream out;

    ReplayAuditHarness(AuditOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Optional<AuditOptions> options;
        try {
            options = AuditOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.isEmpty()) {
            System.out.print(AuditOptions.USAGE);
            return;
        }
        int status = new ReplayAuditHarness(options.get(), System.out).run().passed() ? 0 : 1;
        // The embedded broker's threads would keep the JVM alive; its shutdown hooks stop it cleanly.
        System.exit(status);
    }

    /** What a run found: the report and whether it passed (drained, and every check passed). */
    record Outcome(boolean passed, String report, ReplayAudit.Result result) {}

    Outcome run() throws Exception {
        long began = System.nanoTime();
        out.println("# Machine: " + Machine.describe());
        KlineInput input = KlineInput.of(options.file());
        Path file = input.file();
        Series series = input.series();
        Path work = Files.createTempDirectory("replay-audit");
        Path replayed = options.candles() > 0 ? ReplayFiles.firstLines(file, options.candles(), work) : file;
        out.printf(
                Locale.ROOT,
                "# Replaying %s (%s %s)%s through the five services%n",
                file,
                series.symbol().value(),
                series.interval().code(),
                options.candles() > 0 ? ", first " + options.candles() + " candles" : "");

        InfrastructureEndpoints infra = RealInfrastructure.get();
        String operatorToken = token();
        String viewerToken = token();
        try (AuditSuite suite = AuditSuite.start(infra, operatorToken, viewerToken, replayed.getParent())) {
            out.printf(
                    Locale.ROOT,
                    "# Infrastructure and services started in %.1f s (Kafka %s, %s)%n",
                    (System.nanoTime() - began) / 1e9,
                    infra.kafkaBootstrapServers(),
                    infra.jdbcUrl());
            JdbcClient jdbc = JdbcClient.create(
                    new DriverManagerDataSource(infra.jdbcUrl(), infra.jdbcUsername(), infra.jdbcPassword()));
            AuditStores stores = new AuditStores(jdbc);
            ReplayClient replays = new ReplayClient(suite.apiPort(AuditSuite.INGEST), operatorToken, viewerToken);

            long replayStart = System.nanoTime();
            ReplayClient.Run started = replays.start(
                    replayed,
                    "klines-csv",
                    Optional.of(series.symbol().value()),
                    Optional.of(series.interval().code()));
            ChainDrain.Outcome drain;
            try (ChainDrain chain = new ChainDrain(infra.kafkaBootstrapServers(), stores, replays, out)) {
                drain = chain.await(started.id(), options);
            }
            Duration total = Duration.ofNanos(System.nanoTime() - began);
            out.printf(
                    Locale.ROOT,
                    "# Replay %s; chain %s after %.0f s%n",
                    drain.run().status(),
                    drain.drained()
                            ? "drained"
                            : "NOT drained (timeout " + options.timeout() + ", lag " + drain.lagByGroup() + ")",
                    drain.untilLastChange().toMillis() / 1e3);

            RiskProperties risk = suite.context(AuditSuite.RISK).getBean(RiskProperties.class);
            AuditData.Limits limits = new AuditData.Limits(
                    risk.quoteAsset(),
                    risk.startingBalance(),
                    risk.maxGrossExposure(),
                    risk.maxPositionFraction(),
                    risk.maxSymbolFraction(),
                    risk.reservationBuffer());
            AuditData data = stores.load(
                    limits,
                    AuditStores.valuations(infra.kafkaBootstrapServers()),
                    AuditStores.portfolio(suite.apiPort(AuditSuite.RISK), viewerToken));
            ReplayAudit.Result result = ReplayAudit.audit(data, risk.maxHoldingTime());
            boolean completed = "COMPLETED".equals(drain.run().status());
            AuditReport.RunFacts facts = new AuditReport.RunFacts(
                    file.getFileName().toString()
                            + (options.candles() > 0 ? " (first " + options.candles() + " candles)" : ""),
                    series.symbol().value(),
                    drain.run().candlesPublished(),
                    drain.run().linesRead(),
                    drain.run().took(),
                    drain.untilLastChange(),
                    total,
                    drain.drained() && completed,
                    drain.counts());
            String report = AuditReport.render(facts, result);
            boolean passed = facts.drained() && result.passed();
            out.println();
            out.print(report);
            out.printf(
                    Locale.ROOT,
                    "%nRESULT %s: %s%s (replay %s)%n",
                    file.getFileName(),
                    passed ? "PASS" : "FAIL",
                    result.passed() ? "" : ", failed checks " + AuditReport.failed(result),
                    drain.run().status());
            if (options.summary() != null) {
                Files.writeString(
                        options.summary(),
                        report + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            return new Outcome(passed, report, result);
        } finally {
            ReplayFiles.deleteRecursively(work);
        }
    }

    private static String token() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
