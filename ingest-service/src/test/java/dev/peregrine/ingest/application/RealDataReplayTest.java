package dev.peregrine.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.adapter.out.file.FileKlineSource;
import dev.peregrine.ingest.adapter.out.file.ReplayFileRules;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.ReplayCounts;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayStatus;
import dev.peregrine.ingest.domain.ReplayTrigger;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import dev.peregrine.testkit.SharedData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The real files of {@code ../shared/data} through the whole replay use case (file reading, parsing, quality stage,
 * batching, publishing), with in-memory stores and broker. Skipped where the data is absent.
 */
class RealDataReplayTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final Fakes.MemoryCandleStore candles = new Fakes.MemoryCandleStore();
    private final Fakes.MemoryRunStore runs = new Fakes.MemoryRunStore();
    private final Fakes.RecordingPublisher publisher = new Fakes.RecordingPublisher();
    private final Fakes.RecordingMetrics metrics = new Fakes.RecordingMetrics();
    private final Fakes.SequentialIds ids = new Fakes.SequentialIds();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ReplayFile replay = new ReplayFile(
            new FileKlineSource(ReplayFileRules.under(Path.of("/"))),
            candles,
            new Fakes.MemoryRejectionStore(),
            runs,
            publisher,
            metrics,
            new Fakes.RecordingPacer(),
            new QualityStages(QualitySettings.defaults(), clock),
            clock,
            ids,
            500,
            ReplayFile.DEFAULT_BATCHES_IN_FLIGHT,
            Fakes.pipelineThreads());

    @Test
    void theMarch2023HaltInBtcusdt15mIsPublishedAsAGapIncidentOfTheCandleAfterIt() {
        Path file = sharedFile("binance/klines/BTCUSDT-15m.csv.gz");
        Series series = new Series(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES);

        ReplayRun run = replay.replay(start(ReplayRun.started(
                ids.next(), "replay:BTCUSDT-15m.csv.gz", file.toString(), series, 0, ReplayTrigger.OPERATOR, NOW)));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(run.counts()).isEqualTo(new ReplayCounts(87_451, 87_451, 0, 0));
        QualityIncident gap = publisher.incidents().stream()
                .filter(i -> i.rule().equals("GAP"))
                .findFirst()
                .orElseThrow();
        assertThat(gap.evidence())
                .isEqualTo("5 missing 15m candle(s) of BTCUSDT: open times 2023-03-24T12:45:00Z to "
                        + "2023-03-24T13:45:00Z (previous open 2023-03-24T12:30:00Z, next open 2023-03-24T14:00:00Z)");
        CandleClosed afterHalt = publisher.candles().stream()
                .filter(c -> c.openTime().equals(Instant.parse("2023-03-24T14:00:00Z")))
                .findFirst()
                .orElseThrow();
        assertThat(afterHalt.qualityFlags()).contains("GAP");
        assertThat(gap.envelope().correlationId())
                .isEqualTo(afterHalt.envelope().eventId());
        assertThat(metrics.incidents)
                .containsEntry("GAP", 1)
                .containsEntry("OFF_GRID", 1)
                .containsEntry("STALE_STREAM", 1)
                .containsEntry("PRICE_JUMP", 127);
    }

    @Test
    void bothCapturesReplayWithEveryMessageReadAndNothingRejected() {
        for (String name : new String[] {"btcusdt_20240808.log.gz", "ethusdt_20240808.log.gz"}) {
            Path file = sharedFile("binance/ws-capture/" + name);

            ReplayRun run = replay.replay(start(ReplayRun.started(
                    ids.next(),
                    "replay:" + name,
                    file.toString(),
                    ReplayFormat.WS_CAPTURE,
                    Optional.empty(),
                    0,
                    ReplayTrigger.OPERATOR,
                    NOW)));

            assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
            assertThat(run.counts().linesRejected()).isZero();
            assertThat(run.counts().candlesPublished()).isZero();
            Map<MessageKind, Long> messages = run.counts().messages();
            assertThat(messages.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(run.counts().linesRead());
        }
        assertThat(metrics.messages)
                .isEqualTo(Map.of(
                        MessageKind.TRADE,
                        9757 + 6106,
                        MessageKind.BOOK_TICKER,
                        28040 + 24077,
                        MessageKind.DEPTH_UPDATE,
                        3451 + 3434,
                        MessageKind.DEPTH_SNAPSHOT,
                        2));
        assertThat(publisher.events).isEmpty();
    }

    private ReplayRun start(ReplayRun run) {
        runs.insert(run);
        return run;
    }

    private static Path sharedFile(String name) {
        return SharedData.require(name);
    }
}
