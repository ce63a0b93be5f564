package dev.peregrine.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.KlineLines;
import dev.peregrine.ingest.application.port.in.CancelResult;
import dev.peregrine.ingest.application.port.in.ReplayRequest;
import dev.peregrine.ingest.application.port.in.StartResult;
import dev.peregrine.ingest.application.port.out.InstrumentPublisher;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayStatus;
import dev.peregrine.ingest.domain.ReplayTrigger;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunReplaysServiceTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    private static final String FILE = "/data/INGUSDT-15m.csv.gz";
    private static final String CAPTURE_LINE = "1723161254087896568 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":"
            + "\"trade\",\"E\":1723161255343,\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\","
            + "\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,\"M\":true}}";

    private final Fakes.MemoryKlineSource source = new Fakes.MemoryKlineSource()
            .file(FILE, List.of(KlineLines.HEADER, KlineLines.candle15m(START, 0), KlineLines.candle15m(START, 1)))
            .file("/data/klines.csv", List.of(KlineLines.candle15m(START, 0)))
            .file("/data/btcusdt_20240808.log.gz", List.of(CAPTURE_LINE))
            .file("/data/recording.txt", List.of(CAPTURE_LINE))
            .file("/data/mystery.dat", List.of("hello"));
    private final Fakes.MemoryRunStore runs = new Fakes.MemoryRunStore();
    private final Fakes.RecordingPublisher publisher = new Fakes.RecordingPublisher();
    private final Fakes.QueuedExecutor executor = new Fakes.QueuedExecutor();
    private final Fakes.SequentialIds ids = new Fakes.SequentialIds();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RunReplaysService coordinator = new RunReplaysService(
            new ReplayFile(
                    source,
                    new Fakes.MemoryCandleStore(),
                    new Fakes.MemoryRejectionStore(),
                    runs,
                    publisher,
                    new Fakes.RecordingMetrics(),
                    new Fakes.RecordingPacer(),
                    new QualityStages(QualitySettings.defaults(), clock),
                    clock,
                    ids,
                    500,
                    ReplayFile.DEFAULT_BATCHES_IN_FLIGHT,
                    Fakes.pipelineThreads()),
            source,
            runs,
            executor,
            clock,
            ids);

    @Test
    void startsAReplayInTheBackgroundAndRecordsTheRun() {
        StartResult result = coordinator.start(operator(FILE, 0));

        assertThat(result).isInstanceOf(StartResult.Started.class);
        ReplayRun started = ((StartResult.Started) result).run();
        assertThat(started.status()).isEqualTo(ReplayStatus.RUNNING);
        assertThat(started.source()).isEqualTo("replay:INGUSDT-15m.csv.gz");
        assertThat(started.series()).contains(new Series(Symbol.of("INGUSDT"), Interval.FIFTEEN_MINUTES));
        assertThat(runs.find(started.id())).contains(started);
        assertThat(publisher.candles()).isEmpty();

        executor.runAll();

        assertThat(publisher.candles()).hasSize(2);
        assertThat(runs.find(started.id()).map(ReplayRun::status)).contains(ReplayStatus.COMPLETED);
        assertThat(coordinator.find(started.id()).map(ReplayRun::status)).contains(ReplayStatus.COMPLETED);
        assertThat(coordinator.latestStartedHere().map(ReplayRun::id)).contains(started.id());
        assertThat(coordinator.recent(10)).extracting(ReplayRun::id).containsExactly(started.id());
    }

    @Test
    void refusesASecondReplayWhileOneIsRunning() {
        ReplayRun first = ((StartResult.Started) coordinator.start(operator(FILE, 0))).run();

        assertThat(coordinator.start(operator(FILE, 0))).isEqualTo(new StartResult.AlreadyRunning(first.id()));

        executor.runAll();
        assertThat(coordinator.start(operator(FILE, 0))).isInstanceOf(StartResult.Started.class);
    }

    @Test
    void aRunWhoseFinalStatusIsOutNoLongerBlocksTheNextOneWhileItsThreadIsStillReturning() {
        List<StartResult> startedWhenTheFirstFinished = new ArrayList<>();
        ReplayRun first = ((StartResult.Started) coordinator.start(operator(FILE, 0))).run();
        // A client polling the run sees COMPLETED from here on and may start the next replay at once.
        runs.afterUpdate = run -> {
            if (run.id().equals(first.id()) && !run.running()) {
                startedWhenTheFirstFinished.add(coordinator.start(operator(FILE, 0)));
            }
        };

        executor.runAll();

        assertThat(startedWhenTheFirstFinished).singleElement().isInstanceOf(StartResult.Started.class);
        ReplayRun second = ((StartResult.Started) startedWhenTheFirstFinished.getFirst()).run();
        assertThat(coordinator.cancel(first.id()))
                .isEqualTo(new CancelResult.NotRunning(first.id(), ReplayStatus.COMPLETED));
        runs.afterUpdate = run -> {};
        executor.runAll();
        assertThat(coordinator.find(second.id()).map(ReplayRun::status)).contains(ReplayStatus.COMPLETED);
        assertThat(coordinator.start(operator(FILE, 0))).isInstanceOf(StartResult.Started.class);
    }

    @ParameterizedTest(name = "{0} at speed {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/data/INGUSDT-15m.csv.gz | -1 |         |     | speed must be 0",
                "''                       | 0  |         |     | no file given",
                "/data/missing.csv.gz     | 0  |         |     | replay file '/data/missing.csv.gz' does not exist",
                "/data/klines.csv         | 0  |         |     | cannot tell the symbol and interval of 'klines.csv'",
                "/data/klines.csv         | 0  | INGUSDT | 7m  | unknown interval '7m'",
                "/data/klines.csv         | 0  | IN-G    | 15m | symbol must be 2-20 upper case letters or digits",
            })
    void refusesRequestsThatCannotWorkWithoutRecordingThem(
            String file, int speed, String symbol, String interval, String expected) {
        StartResult result =
                coordinator.start(new ReplayRequest(file, speed, symbol, interval, ReplayTrigger.OPERATOR));

        assertThat(result).isInstanceOfSatisfying(StartResult.Invalid.class, invalid -> {
            assertThat(invalid.reason()).contains(expected);
            assertThat(invalid.recordedRunId()).isEmpty();
        });
        assertThat(runs.rows).isEmpty();
        assertThat(executor.queued).isEmpty();
        assertThat(coordinator.latestStartedHere()).isEmpty();
    }

    @Test
    void symbolAndIntervalGivenWithTheRequestNameTheSeriesOfAnyFile() {
        StartResult result =
                coordinator.start(new ReplayRequest("/data/klines.csv", 0, "ingusdt", "1h", ReplayTrigger.OPERATOR));

        assertThat(((StartResult.Started) result).run().series())
                .contains(new Series(Symbol.of("INGUSDT"), Interval.ONE_HOUR));
    }

    @Test
    void aConfiguredReplayOfAMissingFileIsRecordedAsFailedForHealthToSee() {
        StartResult result =
                coordinator.start(new ReplayRequest("/data/missing.csv.gz", 0, "", "", ReplayTrigger.STARTUP));

        assertThat(result).isInstanceOf(StartResult.Invalid.class);
        StartResult.Invalid invalid = (StartResult.Invalid) result;
        assertThat(invalid.recordedRunId()).isPresent();
        ReplayRun failed = runs.find(invalid.recordedRunId().get()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ReplayStatus.FAILED);
        assertThat(failed.trigger()).isEqualTo(ReplayTrigger.STARTUP);
        assertThat(failed.error()).contains("replay file '/data/missing.csv.gz' does not exist");
        assertThat(coordinator.latestStartedHere()).contains(failed);
        assertThat(executor.queued).isEmpty();
    }

    @Test
    void cancelsTheRunningReplayOnly() {
        ReplayRun run = ((StartResult.Started) coordinator.start(operator(FILE, 0))).run();

        assertThat(coordinator.cancel(run.id())).isEqualTo(new CancelResult.Cancelling(run.id()));
        executor.runAll();

        assertThat(runs.find(run.id()).map(ReplayRun::status)).contains(ReplayStatus.CANCELLED);
        assertThat(publisher.candles()).isEmpty();
        assertThat(coordinator.cancel(run.id()))
                .isEqualTo(new CancelResult.NotRunning(run.id(), ReplayStatus.CANCELLED));
        assertThat(coordinator.cancel(ids.next())).isInstanceOf(CancelResult.Unknown.class);
    }

    @Test
    void theRunNamesTheCallerWhoStartedItAndTheOneWhoCancelledIt() {
        ReplayRun run = ((StartResult.Started) coordinator.start(
                        new ReplayRequest(FILE, Optional.empty(), 0, null, null, ReplayTrigger.OPERATOR, "alice")))
                .run();
        assertThat(run.requestedBy()).contains("alice");

        coordinator.cancel(run.id(), "bob");
        coordinator.cancel(run.id(), "carol");
        executor.runAll();

        ReplayRun cancelled = runs.find(run.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(ReplayStatus.CANCELLED);
        assertThat(cancelled.requestedBy()).contains("alice");
        assertThat(cancelled.cancelledBy()).as("the first to ask").contains("bob");
        assertThat(cancelled.error())
                .hasValueSatisfying(error -> assertThat(error).startsWith("cancelled by bob after "));
    }

    @Test
    void runsLeftRunningByAnEarlierProcessAreMarkedFailed() {
        ReplayRun orphan = ReplayRun.started(
                ids.next(),
                "replay:INGUSDT-15m.csv.gz",
                FILE,
                new Series(Symbol.of("INGUSDT"), Interval.FIFTEEN_MINUTES),
                0,
                ReplayTrigger.STARTUP,
                NOW.minusSeconds(60));
        runs.insert(orphan);

        assertThat(coordinator.abandonInterruptedRuns()).isEqualTo(1);

        ReplayRun abandoned = runs.find(orphan.id()).orElseThrow();
        assertThat(abandoned.status()).isEqualTo(ReplayStatus.FAILED);
        assertThat(abandoned.error())
                .hasValueSatisfying(error -> assertThat(error).contains("start it again to resume"));
    }

    @Test
    void noReplayStartsOnceTheServiceIsClosing() throws InterruptedException {
        coordinator.close();

        StartResult result = coordinator.start(operator(FILE, 0));

        assertThat(result)
                .isInstanceOfSatisfying(
                        StartResult.Invalid.class,
                        invalid -> assertThat(invalid.reason()).contains("shutting down"));
        assertThat(runs.rows.values()).extracting(ReplayRun::status).containsExactly(ReplayStatus.FAILED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/data/btcusdt_20240808.log.gz |            | ws-capture",
                "/data/recording.txt           |            | ws-capture",
                "/data/INGUSDT-15m.csv.gz      |            | klines-csv",
                "/data/recording.txt           | ws-capture | ws-capture",
            })
    void tellsTheFormatByTheRequestTheFileNameOrTheFirstLine(String file, String requested, String expected) {
        Optional<ReplayFormat> format = Optional.ofNullable(requested).map(ReplayFormat::fromCode);

        StartResult result = coordinator.start(new ReplayRequest(file, format, 0, null, null, ReplayTrigger.OPERATOR));

        assertThat(result)
                .isInstanceOfSatisfying(
                        StartResult.Started.class,
                        started -> assertThat(started.run().format().code()).isEqualTo(expected));
    }

    @Test
    void aCaptureReplayNamesNoSeriesAndReadsItsMessages() {
        ReplayRun started =
                ((StartResult.Started) coordinator.start(operator("/data/btcusdt_20240808.log.gz", 0))).run();

        assertThat(started.series()).isEmpty();
        assertThat(started.source()).isEqualTo("replay:btcusdt_20240808.log.gz");
        executor.runAll();

        ReplayRun finished = runs.find(started.id()).orElseThrow();
        assertThat(finished.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(finished.counts().messages()).containsExactly(Map.entry(MessageKind.TRADE, 1L));
    }

    @Test
    void refusesAFileOfNoKnownFormatAndASeriesForACapture() {
        assertThat(coordinator.start(operator("/data/mystery.dat", 0)))
                .isInstanceOfSatisfying(
                        StartResult.Invalid.class,
                        invalid -> assertThat(invalid.reason())
                                .isEqualTo("cannot tell whether 'mystery.dat' is a kline CSV file "
                                        + "or a WebSocket capture: name it .csv[.gz] or .log[.gz], or give the format (klines-csv or "
                                        + "ws-capture)"));
        assertThat(coordinator.start(
                        new ReplayRequest("/data/btcusdt_20240808.log.gz", 0, "BTCUSDT", "1m", ReplayTrigger.OPERATOR)))
                .isInstanceOfSatisfying(
                        StartResult.Invalid.class,
                        invalid -> assertThat(invalid.reason())
                                .startsWith("symbol and interval name the series of a kline CSV file"));
        assertThat(runs.rows).isEmpty();
    }

    @ParameterizedTest(name = "speed {0}")
    @CsvSource({"0", "4"})
    void aRunPublishesItsInstrumentsBeforeItsFirstCandle(int speed) {
        SnapshotInstrumentsTest.MemorySnapshot snapshot = new SnapshotInstrumentsTest.MemorySnapshot();
        snapshot.instruments.put(Symbol.of("INGUSDT"), LiveFakes.FakeExchange.instrument("INGUSDT", "0.01000000"));
        List<String> published = new ArrayList<>();
        InstrumentPublisher instrumentPublisher = events -> published.add(
                "instruments " + events.size() + " after " + publisher.candles().size() + " candles");
        RunReplaysService withInstruments = coordinator(new SnapshotInstruments(
                snapshot,
                new InstrumentSync(snapshot, new LiveFakes.MemoryInstrumentStore(), instrumentPublisher, clock, ids),
                new Fakes.RecordingMetrics()));

        ReplayRun run = ((StartResult.Started) withInstruments.start(operator(FILE, speed))).run();
        assertThat(published).as("not on the caller's thread").isEmpty();
        executor.runAll();

        assertThat(published).containsExactly("instruments 1 after 0 candles");
        assertThat(publisher.candles()).hasSize(2);
        assertThat(snapshot.asked).containsExactly(List.of(Symbol.of("INGUSDT")));
        assertThat(withInstruments.find(run.id()).map(ReplayRun::status)).contains(ReplayStatus.COMPLETED);
    }

    @Test
    void aRunWhoseInstrumentsCannotBeHadFailsWithTheReasonAndPublishesNoCandle() {
        RunReplaysService failing = coordinator(run -> {
            throw new IllegalStateException("the instruments could not be synced: the snapshot is not JSON");
        });

        ReplayRun run = ((StartResult.Started) failing.start(operator(FILE, 0))).run();
        executor.runAll();

        assertThat(publisher.candles()).isEmpty();
        assertThat(runs.find(run.id())).hasValueSatisfying(failed -> {
            assertThat(failed.status()).isEqualTo(ReplayStatus.FAILED);
            assertThat(failed.error()).contains("the instruments could not be synced: the snapshot is not JSON");
            assertThat(failed.counts().linesRead()).isZero();
        });
        assertThat(failing.find(run.id()).map(ReplayRun::status)).contains(ReplayStatus.FAILED);
        assertThat(failing.start(operator(FILE, 0)))
                .as("the next run may start")
                .isInstanceOf(StartResult.Started.class);
    }

    private RunReplaysService coordinator(ReplayInstruments instruments) {
        return new RunReplaysService(
                new ReplayFile(
                        source,
                        new Fakes.MemoryCandleStore(),
                        new Fakes.MemoryRejectionStore(),
                        runs,
                        publisher,
                        new Fakes.RecordingMetrics(),
                        new Fakes.RecordingPacer(),
                        new QualityStages(QualitySettings.defaults(), clock),
                        clock,
                        ids,
                        500,
                        ReplayFile.DEFAULT_BATCHES_IN_FLIGHT,
                        Fakes.pipelineThreads()),
                instruments,
                source,
                runs,
                executor,
                clock,
                ids);
    }

    private static ReplayRequest operator(String file, int speed) {
        return new ReplayRequest(file, speed, null, null, ReplayTrigger.OPERATOR);
    }
}
