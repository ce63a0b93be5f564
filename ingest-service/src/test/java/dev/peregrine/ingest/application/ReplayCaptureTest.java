package dev.peregrine.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.event.Severity;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.NewRejection;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.ReplayCounts;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayStatus;
import dev.peregrine.ingest.domain.ReplayTrigger;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replays of small generated WebSocket captures through the same parsing, quality and publishing code. */
class ReplayCaptureTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    /** A minute boundary: 1m klines open here. */
    private static final Instant T0 = Instant.parse("2024-08-09T00:00:00Z");

    private static final String FILE = "/data/capture_20240809.log.gz";
    private static final String SOURCE = "replay:capture_20240809.log.gz";
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Series BTC_1M = new Series(BTC, Interval.ONE_MINUTE);

    private final Fakes.MemoryKlineSource source = new Fakes.MemoryKlineSource();
    private final Fakes.MemoryCandleStore candles = new Fakes.MemoryCandleStore();
    private final Fakes.MemoryRejectionStore rejections = new Fakes.MemoryRejectionStore();
    private final Fakes.MemoryRunStore runs = new Fakes.MemoryRunStore();
    private final Fakes.RecordingPublisher publisher = new Fakes.RecordingPublisher();
    private final Fakes.RecordingMetrics metrics = new Fakes.RecordingMetrics();
    private final Fakes.RecordingPacer pacer = new Fakes.RecordingPacer();
    private final Fakes.SequentialIds ids = new Fakes.SequentialIds();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ReplayFile replay = new ReplayFile(
            source,
            candles,
            rejections,
            runs,
            publisher,
            metrics,
            pacer,
            new QualityStages(QualitySettings.defaults(), clock),
            clock,
            ids,
            500,
            ReplayFile.DEFAULT_BATCHES_IN_FLIGHT,
            Fakes.pipelineThreads());

    @Test
    void tradesBookAndDepthAreCountedAClosedKlineIsPublishedAndItsCloseIsCheckedAgainstTheLastTrade() {
        List<String> lines = new ArrayList<>();
        lines.add(line(
                T0.plusMillis(100),
                combined(
                        "btcusdt@bookTicker",
                        "{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"100.00\",\"B\":\"1\",\"a\":\"100.01\",\"A\":\"2\"}")));
        lines.add(line(
                T0.plusMillis(200),
                combined(
                        "btcusdt@depth@100ms",
                        "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\","
                                + "\"U\":2,\"u\":3,\"b\":[[\"100.00\",\"0\"]],\"a\":[]}")));
        lines.add(line(T0.plusSeconds(10), trade(T0.plusSeconds(10), "100.50")));
        lines.add(line(T0.plusSeconds(30), kline(0, "100.00", "101.00", "99.00", "100.70", false)));
        lines.add(line(T0.plusSeconds(59), trade(T0.plusSeconds(59), "100.70")));
        // A trade after the kline's close arrives before the closed kline does; it must not be compared.
        lines.add(line(T0.plusMillis(60_050), trade(T0.plusMillis(60_040), "100.90")));
        lines.add(line(T0.plusMillis(60_100), kline(0, "100.00", "101.00", "99.00", "100.70", true)));
        lines.add(line(T0.plusSeconds(119), trade(T0.plusSeconds(119), "101.20")));
        lines.add(line(T0.plusMillis(120_100), kline(1, "100.70", "101.50", "100.60", "101.10", true)));
        source.file(FILE, lines);

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(run.counts())
                .isEqualTo(new ReplayCounts(
                        9,
                        2,
                        0,
                        0,
                        Map.of(
                                MessageKind.BOOK_TICKER,
                                1L,
                                MessageKind.DEPTH_UPDATE,
                                1L,
                                MessageKind.TRADE,
                                4L,
                                MessageKind.KLINE,
                                3L)));
        assertThat(metrics.messages).containsEntry(MessageKind.TRADE, 4).containsEntry(MessageKind.KLINE, 3);
        List<CandleClosed> published = publisher.candles();
        assertThat(published).extracting(CandleClosed::openTime).containsExactly(T0, T0.plusSeconds(60));
        assertThat(published.getFirst().qualityFlags()).isEmpty();
        assertThat(published.getFirst().close()).isEqualTo(Price.of("100.70"));
        assertThat(published.getFirst().source()).isEqualTo(SOURCE);
        CandleClosed second = published.get(1);
        assertThat(second.qualityFlags()).containsExactly("KLINE_CLOSE_VS_LAST_TRADE");
        QualityIncident mismatch = publisher.incidents().getFirst();
        assertThat(mismatch.rule()).isEqualTo("KLINE_CLOSE_VS_LAST_TRADE");
        assertThat(mismatch.severity()).isEqualTo(Severity.WARNING);
        assertThat(mismatch.interval()).isEqualTo(Interval.ONE_MINUTE);
        assertThat(mismatch.evidence())
                .contains("close 101.10 of the 1m kline closing at 2024-08-09T00:01:59.999Z but "
                        + "the last trade at or before it was 101.20 at 2024-08-09T00:01:59Z");
        assertThat(mismatch.envelope().correlationId())
                .isEqualTo(second.envelope().eventId());
        assertThat(mismatch.envelope().eventId())
                .isEqualTo(DerivedIds.from(
                        "candle-quality-incident", second.envelope().eventId(), "KLINE_CLOSE_VS_LAST_TRADE"));
        assertThat(publisher.incidents()).hasSize(1);
        assertThat(metrics.incidents).containsEntry("KLINE_CLOSE_VS_LAST_TRADE", 1);
        assertThat(candles.published()).isEqualTo(2);
        assertThat(pacer.pauses).isEmpty();
    }

    @Test
    void aCutLastLineIsRejectedWithItsReasonStoredAndCountedAndTheRestIsKept() {
        String cut = line(T0.plusSeconds(2), trade(T0.plusSeconds(2), "100.60"));
        source.file(
                FILE,
                List.of(
                        line(T0.plusSeconds(1), trade(T0.plusSeconds(1), "100.50")),
                        "this is no capture line",
                        line(T0.plusMillis(1500), "{\"e\":\"24hrTicker\",\"s\":\"BTCUSDT\"}"),
                        cut.substring(0, cut.length() - 20)));

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(run.counts()).isEqualTo(new ReplayCounts(4, 0, 0, 3, Map.of(MessageKind.TRADE, 1L)));
        assertThat(rejections.rows.values())
                .extracting(NewRejection::reason)
                .containsExactly("BAD_CAPTURE_LINE", "UNKNOWN_MESSAGE", "TRUNCATED");
        NewRejection truncated = rejections.rows.values().stream().toList().get(2);
        assertThat(truncated.lineNumber()).isEqualTo(4);
        assertThat(truncated.series()).isEmpty();
        assertThat(truncated.detail()).startsWith("the JSON ends after");
        assertThat(metrics.rejected)
                .containsEntry(RejectionReason.TRUNCATED, 1)
                .containsEntry(RejectionReason.BAD_CAPTURE_LINE, 1);
        // A QualityIncident must name a symbol and an interval, which an unreadable line does not give: counted only.
        assertThat(metrics.incidents).containsEntry("MALFORMED_RECORD", 3);
        assertThat(publisher.events).isEmpty();
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedUnparsedAndTheRestIsKept() {
        source.maxLineLength = 2000;
        String huge = line(T0.plusSeconds(2), combined("btcusdt@depth", "{\"pad\":\"" + "p".repeat(50_000) + "\"}"));
        source.file(
                FILE,
                List.of(
                        line(T0.plusSeconds(1), trade(T0.plusSeconds(1), "100.50")),
                        huge,
                        line(T0.plusSeconds(3), trade(T0.plusSeconds(3), "100.60"))));

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(run.counts()).isEqualTo(new ReplayCounts(3, 0, 0, 1, Map.of(MessageKind.TRADE, 2L)));
        NewRejection rejection = rejections.rows.values().iterator().next();
        assertThat(rejection.reason()).isEqualTo("LINE_TOO_LONG");
        assertThat(rejection.lineNumber()).isEqualTo(2);
        assertThat(rejection.series()).isEmpty();
        assertThat(rejection.rawLine()).isEqualTo(huge.substring(0, NewRejection.MAX_RAW_LINE));
        assertThat(metrics.rejected).containsEntry(RejectionReason.LINE_TOO_LONG, 1);
    }

    @Test
    void aSeriesSilentForMoreThanThreeIntervalsOfTheCapturesOwnTimeIsAStaleStream() {
        source.file(
                FILE,
                List.of(
                        line(T0.plusMillis(60_100), kline(0, "100.00", "101.00", "99.00", "100.70", true)),
                        line(T0.plusSeconds(120), trade(T0.plusSeconds(120), "100.80")),
                        // 3 minutes after the last kline: not yet more than 3 intervals.
                        line(T0.plusMillis(240_100), trade(T0.plusSeconds(240), "100.80")),
                        line(T0.plusMillis(240_101), trade(T0.plusSeconds(240), "100.80")),
                        line(T0.plusMillis(300_000), trade(T0.plusSeconds(300), "100.80")),
                        line(T0.plusMillis(400_000), trade(T0.plusSeconds(400), "100.80"))));

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        List<QualityIncident> stale = publisher.incidents().stream()
                .filter(i -> i.rule().equals("STALE_STREAM"))
                .toList();
        assertThat(stale).singleElement().satisfies(incident -> {
            assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(incident.symbol()).isEqualTo(BTC);
            assertThat(incident.interval()).isEqualTo(Interval.ONE_MINUTE);
            assertThat(incident.envelope().eventTime()).isEqualTo(T0.plusMillis(240_101));
            assertThat(incident.envelope().eventId())
                    .isEqualTo(DerivedIds.from(
                            "series-quality-incident", SOURCE, BTC_1M, T0.plusMillis(60_100), "STALE_STREAM"));
            assertThat(incident.evidence())
                    .isEqualTo("no update on BTCUSDT-1m since 2024-08-09T00:01:00.100Z: silent "
                            + "for PT3M0.001S at 2024-08-09T00:04:00.101Z, more than 3 x 1m");
        });
        assertThat(metrics.incidents).containsEntry("STALE_STREAM", 1);
    }

    @Test
    void aPacedReplayWaitsTheCapturesTimeDividedByTheSpeedOnceItAddsUpToAMillisecond() {
        source.file(
                FILE,
                List.of(
                        line(T0, trade(T0, "100")),
                        line(T0.plusNanos(400_000), trade(T0, "100")),
                        line(T0.plusNanos(2_400_000), trade(T0, "100")),
                        line(T0.plusSeconds(1), trade(T0.plusSeconds(1), "100")),
                        // The recorder's clock stepped back: no wait, and none owed later.
                        line(T0.plusMillis(900), trade(T0.plusSeconds(1), "100")),
                        line(T0.plusSeconds(3), trade(T0.plusSeconds(3), "100"))));

        ReplayRun run = replay.replay(newRun(2));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(pacer.pauses)
                .containsExactly(Duration.ofNanos(1_200_000), Duration.ofNanos(498_800_000), Duration.ofSeconds(1));
    }

    @Test
    void replayingTheSameCaptureAgainPublishesNoCandleTwice() {
        source.file(
                FILE,
                List.of(
                        line(T0.plusMillis(60_100), kline(0, "100.00", "101.00", "99.00", "100.70", true)),
                        line(T0.plusMillis(120_100), kline(1, "100.70", "101.50", "100.60", "101.10", true))));
        replay.replay(newRun(0));

        ReplayRun second = replay.replay(newRun(0));

        assertThat(second.counts()).isEqualTo(new ReplayCounts(2, 0, 2, 0, Map.of(MessageKind.KLINE, 2L)));
        assertThat(publisher.candles()).hasSize(2);
    }

    private ReplayRun newRun(int speed) {
        ReplayRun run = ReplayRun.started(
                ids.next(),
                SOURCE,
                FILE,
                ReplayFormat.WS_CAPTURE,
                Optional.empty(),
                speed,
                ReplayTrigger.OPERATOR,
                NOW);
        runs.insert(run);
        return run;
    }

    static String line(Instant localTime, String message) {
        return (localTime.getEpochSecond() * 1_000_000_000L + localTime.getNano()) + " " + message;
    }

    static String combined(String stream, String payload) {
        return "{\"stream\":\"" + stream + "\",\"data\":" + payload + "}";
    }

    static String trade(Instant time, String price) {
        return combined(
                "btcusdt@trade",
                "{\"e\":\"trade\",\"E\":" + time.toEpochMilli() + ",\"s\":\"BTCUSDT\",\"t\":1," + "\"p\":\"" + price
                        + "\",\"q\":\"0.01\",\"T\":" + time.toEpochMilli() + ",\"m\":false,\"M\":true}");
    }

    /** The 1m kline of minute {@code minute} after {@link #T0}. */
    static String kline(int minute, String open, String high, String low, String close, boolean closed) {
        long openTime = T0.plusSeconds(60L * minute).toEpochMilli();
        return combined(
                "btcusdt@kline_1m",
                "{\"e\":\"kline\",\"E\":" + (openTime + 60_000) + ",\"s\":\"BTCUSDT\","
                        + "\"k\":{\"t\":" + openTime + ",\"T\":" + (openTime + 59_999)
                        + ",\"s\":\"BTCUSDT\",\"i\":\"1m\","
                        + "\"f\":1,\"L\":2,\"o\":\"" + open + "\",\"c\":\"" + close + "\",\"h\":\"" + high
                        + "\",\"l\":\"" + low
                        + "\",\"v\":\"2.5\",\"n\":12,\"x\":" + closed
                        + ",\"q\":\"251.5\",\"V\":\"1.25\",\"Q\":\"125.75\",\"B\":\"0\"}}");
    }
}
