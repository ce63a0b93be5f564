package dev.peregrine.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.event.Severity;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.KlineLines;
import dev.peregrine.ingest.application.port.out.NewRejection;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.ReplayCounts;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayStatus;
import dev.peregrine.ingest.domain.ReplayTrigger;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.quality.QualityRule;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplayKlineFileTest {

    private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final String FILE = "/data/INGUSDT-15m.csv";
    private static final Series SERIES = new Series(Symbol.of("INGUSDT"), Interval.FIFTEEN_MINUTES);

    private final Fakes.MemoryKlineSource source = new Fakes.MemoryKlineSource();
    private final Fakes.MemoryCandleStore candles = new Fakes.MemoryCandleStore();
    private final Fakes.MemoryRejectionStore rejections = new Fakes.MemoryRejectionStore();
    private final Fakes.MemoryRunStore runs = new Fakes.MemoryRunStore();
    private final Fakes.RecordingPublisher publisher = new Fakes.RecordingPublisher();
    private final Fakes.RecordingMetrics metrics = new Fakes.RecordingMetrics();
    private final Fakes.RecordingPacer pacer = new Fakes.RecordingPacer();
    private final Fakes.SequentialIds ids = new Fakes.SequentialIds();
    private final ReplayFile replay = replayInBatchesOf(500);

    @Test
    void publishesEveryCandleInFileOrderAsARootEventAtItsCloseTime() {
        source.file(FILE, withHeader(slots(0, 1, 2, 3, 4)));

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(run.counts()).isEqualTo(new ReplayCounts(5, 5, 0, 0));
        assertThat(runs.find(run.id())).contains(run);
        List<CandleClosed> published = publisher.candles();
        assertThat(published)
                .extracting(CandleClosed::openTime)
                .containsExactly(slot(0), slot(1), slot(2), slot(3), slot(4));
        CandleClosed first = published.getFirst();
        assertThat(first.envelope().eventTime())
                .isEqualTo(slot(1).minusMillis(1))
                .isEqualTo(first.closeTime());
        assertThat(first.envelope().processingTime()).isEqualTo(NOW);
        assertThat(first.envelope().correlationId()).isEqualTo(first.envelope().eventId());
        assertThat(first.envelope().causationId()).isEqualTo(first.envelope().eventId());
        assertThat(first.symbol()).isEqualTo(Symbol.of("INGUSDT"));
        assertThat(first.open()).isEqualTo(Price.of("100.00000000"));
        assertThat(first.high()).isEqualTo(Price.of("102.50000000"));
        assertThat(first.low()).isEqualTo(Price.of("99.25000000"));
        assertThat(first.close()).isEqualTo(Price.of("101.00000000"));
        assertThat(first.trades()).isEqualTo(42);
        assertThat(first.source()).isEqualTo("replay:INGUSDT-15m.csv");
        assertThat(first.qualityFlags()).isEmpty();
        assertThat(published).extracting(c -> c.envelope().eventId()).doesNotHaveDuplicates();
        assertThat(publisher.incidents()).isEmpty();
        assertThat(candles.published()).isEqualTo(5);
        assertThat(metrics.published).containsEntry(SERIES, 5);
        assertThat(metrics.lags.getFirst()).isEqualTo(Duration.between(first.closeTime(), NOW));
        assertThat(pacer.pauses).isEmpty();
    }

    @Test
    void aMissingCandleIsFlaggedAsAGapAndReportedAsAnIncidentOfThatCandle() {
        source.file(FILE, withHeader(slots(0, 1, 3)));

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.counts()).isEqualTo(new ReplayCounts(3, 3, 0, 0));
        CandleClosed afterGap = publisher.candles().get(2);
        assertThat(afterGap.qualityFlags()).containsExactly("GAP");
        assertThat(publisher.candles().get(1).qualityFlags()).isEmpty();
        QualityIncident gap = publisher.incidents().getFirst();
        assertThat(gap.rule()).isEqualTo("GAP");
        assertThat(gap.severity()).isEqualTo(Severity.WARNING);
        assertThat(gap.evidence())
                .contains("1 missing 15m candle(s) of INGUSDT: open times " + slot(2) + " to " + slot(2));
        assertThat(gap.envelope().correlationId()).isEqualTo(afterGap.envelope().eventId());
        assertThat(gap.envelope().causationId()).isEqualTo(afterGap.envelope().eventId());
        assertThat(gap.envelope().eventId())
                .isEqualTo(DerivedIds.from(
                        "candle-quality-incident", afterGap.envelope().eventId(), "GAP"));
        assertThat(publisher.events.indexOf(gap)).isGreaterThan(publisher.events.indexOf(afterGap));
        assertThat(metrics.incidents).containsEntry("GAP", 1);
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedWithOnlyItsStartKeptAndTheReplayGoesOn() {
        source.maxLineLength = 1000;
        String secret = "1714521600000,100,101,99,100,5," + "s".repeat(20_000);
        source.file(FILE, withHeader(List.of(KlineLines.candle15m(START, 0), secret, KlineLines.candle15m(START, 1))));

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(run.counts()).isEqualTo(new ReplayCounts(3, 2, 0, 1));
        assertThat(publisher.candles()).extracting(CandleClosed::openTime).containsExactly(slot(0), slot(1));
        NewRejection rejection = rejections.rows.values().iterator().next();
        assertThat(rejection.lineNumber()).isEqualTo(3);
        assertThat(rejection.reason()).isEqualTo("LINE_TOO_LONG");
        assertThat(rejection.rawLine()).isEqualTo(secret.substring(0, NewRejection.MAX_RAW_LINE));
        assertThat(rejection.detail())
                .isEqualTo("a line of 20031 characters, longer than peregrine.ingest.replay."
                        + "max-line-length allows; only its first 500 are kept");
        QualityIncident incident = publisher.incidents().getFirst();
        assertThat(incident.rule()).isEqualTo("MALFORMED_RECORD");
        assertThat(incident.evidence())
                .startsWith("line 3: LINE_TOO_LONG: a line of 20031 characters")
                .hasSizeLessThan(1100);
        assertThat(metrics.rejected).containsEntry(RejectionReason.LINE_TOO_LONG, 1);
    }

    @Test
    void aRejectionsDetailIsCutLikeItsLine() {
        String hugeField = "1714521600000,100,101," + "9".repeat(3000) + "x,100,5,1714522499999,500,3,2,200";
        source.file(FILE, withHeader(List.of(KlineLines.candle15m(START, 0), hugeField)));

        replay.replay(newRun(0));

        NewRejection rejection = rejections.rows.values().iterator().next();
        assertThat(rejection.rawLine()).hasSize(NewRejection.MAX_RAW_LINE);
        assertThat(rejection.detail()).hasSizeLessThanOrEqualTo(NewRejection.MAX_DETAIL);
        assertThat(publisher.incidents().getFirst().evidence()).hasSizeLessThan(1100);
    }

    @Test
    void aMalformedLineIsStoredReportedCountedAndTheReplayGoesOn() {
        String garbage = "1714521600000,not-a-price" + "x".repeat(600);
        source.file(FILE, withHeader(List.of(KlineLines.candle15m(START, 0), garbage, KlineLines.candle15m(START, 1))));

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(run.counts()).isEqualTo(new ReplayCounts(3, 2, 0, 1));
        assertThat(publisher.candles()).hasSize(2);
        NewRejection rejection = rejections.rows.values().iterator().next();
        assertThat(rejection.lineNumber()).isEqualTo(3);
        assertThat(rejection.reason()).isEqualTo("WRONG_COLUMN_COUNT");
        assertThat(rejection.source()).isEqualTo("replay:INGUSDT-15m.csv");
        assertThat(rejection.rawLine()).hasSize(500).isEqualTo(garbage.substring(0, 500));
        assertThat(rejection.runId()).isEqualTo(run.id());
        assertThat(rejections.publishedAt).containsKey(rejection.id());
        QualityIncident incident = publisher.incidents().getFirst();
        assertThat(incident.rule()).isEqualTo("MALFORMED_RECORD");
        assertThat(incident.severity()).isEqualTo(Severity.WARNING);
        assertThat(incident.symbol()).isEqualTo(Symbol.of("INGUSDT"));
        assertThat(incident.evidence()).startsWith("line 3: WRONG_COLUMN_COUNT: expected 11 columns");
        assertThat(incident.envelope().eventId()).isEqualTo(rejection.eventId());
        assertThat(incident.envelope().correlationId()).isEqualTo(rejection.eventId());
        assertThat(metrics.rejected).containsEntry(RejectionReason.WRONG_COLUMN_COUNT, 1);
        assertThat(metrics.incidents).containsEntry("MALFORMED_RECORD", 1);
    }

    @Test
    void duplicateAndOutOfOrderCandlesAreRejectedAndNotPublished() {
        source.file(FILE, withHeader(slots(0, 1, 1, 0, 2)));

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.counts()).isEqualTo(new ReplayCounts(5, 3, 0, 2));
        assertThat(publisher.candles()).extracting(CandleClosed::openTime).containsExactly(slot(0), slot(1), slot(2));
        assertThat(publisher.candles().get(2).qualityFlags()).isEmpty();
        assertThat(rejections.rows.values())
                .extracting(NewRejection::reason)
                .containsExactly("DUPLICATE", "OUT_OF_ORDER");
        assertThat(rejections.rows.values())
                .extracting(NewRejection::lineNumber)
                .containsExactly(4L, 5L);
        assertThat(publisher.incidents())
                .extracting(QualityIncident::rule)
                .containsExactly("DUPLICATE", "OUT_OF_ORDER");
        assertThat(metrics.rejected)
                .containsEntry(RejectionReason.DUPLICATE, 1)
                .containsEntry(RejectionReason.OUT_OF_ORDER, 1);
    }

    @Test
    void replayingTheSameFileAgainPublishesNothingTwice() {
        source.file(FILE, withHeader(List.of(KlineLines.candle15m(START, 0), "bad", KlineLines.candle15m(START, 2))));
        replay.replay(newRun(0));
        int eventsAfterFirstRun = publisher.events.size();

        ReplayRun second = replay.replay(newRun(0));

        assertThat(second.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(second.counts()).isEqualTo(new ReplayCounts(3, 0, 2, 1));
        assertThat(publisher.events).hasSize(eventsAfterFirstRun);
        assertThat(candles.rows).hasSize(2);
        assertThat(rejections.rows).hasSize(1);
    }

    @Test
    void aCandleStoredButNotPublishedIsPublishedLaterUnderItsStoredEventId() {
        source.file(FILE, withHeader(slots(0, 1, 2, 3)));
        publisher.failFromCandle = 3;
        ReplayFile inPairs = replayInBatchesOf(2);

        ReplayRun failed = inPairs.replay(newRun(0));

        assertThat(failed.status()).isEqualTo(ReplayStatus.FAILED);
        assertThat(failed.error()).hasValueSatisfying(error -> assertThat(error).contains("broker away"));
        assertThat(failed.counts()).isEqualTo(new ReplayCounts(4, 2, 0, 0));
        assertThat(candles.published()).isEqualTo(2);
        List<StoredCandle> stranded = candles.unpublished();
        assertThat(stranded).extracting(row -> row.candle().openTime()).containsExactly(slot(2), slot(3));

        publisher.failFromCandle = Integer.MAX_VALUE;
        ReplayRun resumed = inPairs.replay(newRun(0));

        assertThat(resumed.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(resumed.counts()).isEqualTo(new ReplayCounts(4, 2, 2, 0));
        assertThat(publisher.candles())
                .extracting(CandleClosed::openTime)
                .containsExactly(slot(0), slot(1), slot(2), slot(3));
        assertThat(publisher.candles().subList(2, 4))
                .extracting(c -> c.envelope().eventId())
                .containsExactlyElementsOf(
                        stranded.stream().map(StoredCandle::eventId).toList());
        assertThat(candles.published()).isEqualTo(4);
    }

    @Test
    void waitsIntervalDividedBySpeedBetweenPublishedCandles() {
        source.file(FILE, withHeader(slots(0, 1, 2)));

        ReplayRun run = replay.replay(newRun(900));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(pacer.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aFileThatBreaksOffFailsTheRunAndKeepsWhatWasPublished() {
        source.file(FILE, withHeader(slots(0, 1, 2, 3)));
        source.failAfter.put(FILE, 3);

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.status()).isEqualTo(ReplayStatus.FAILED);
        assertThat(run.error()).contains("could not read " + FILE + ": Unexpected end of ZLIB input stream");
        assertThat(run.counts()).isEqualTo(new ReplayCounts(2, 2, 0, 0));
        assertThat(candles.published()).isEqualTo(2);
        assertThat(runs.find(run.id())).contains(run);
    }

    @Test
    void aCancelledRunStopsAtTheNextPauseAndIsRecordedAsCancelled() {
        source.file(FILE, withHeader(slots(0, 1, 2, 3)));
        ReplayRun started = newRun(900);
        ReplayControl control = new ReplayControl(started);
        control.attach(Thread.currentThread());
        pacer.onPause = control::requestCancel;

        ReplayRun run;
        try {
            run = replay.replay(control);
        } finally {
            control.detach();
            Thread.interrupted();
        }

        assertThat(run.status()).isEqualTo(ReplayStatus.CANCELLED);
        assertThat(run.counts().candlesPublished()).isEqualTo(1);
        assertThat(runs.find(run.id()).map(ReplayRun::status)).contains(ReplayStatus.CANCELLED);
        assertThat(control.current()).isEqualTo(run);
    }

    @Test
    void savesProgressWhileAReplayRuns() {
        List<String> lines = new ArrayList<>();
        for (int slot = 0; slot < ReplayFile.PROGRESS_EVERY_LINES + 10; slot++) {
            lines.add(KlineLines.candle15m(START, slot));
        }
        source.file(FILE, lines);

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.counts().candlesPublished()).isEqualTo(ReplayFile.PROGRESS_EVERY_LINES + 10);
        assertThat(runs.updates).isEqualTo(2);
        assertThat(candles.published()).isEqualTo(ReplayFile.PROGRESS_EVERY_LINES + 10);
    }

    @Test
    void atSpeedZeroStoresAndPublishesInBatchesAndMarksABatchOnlyOnceItWasAcknowledged() {
        source.file(FILE, withHeader(slots(0, 1, 2, 3, 4, 5, 6)));
        List<Long> markedWhenPublishing = new ArrayList<>();
        publisher.beforePublish = () -> markedWhenPublishing.add(candles.published());

        ReplayRun run = replayInBatchesOf(3).replay(newRun(0));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(run.counts()).isEqualTo(new ReplayCounts(7, 7, 0, 0));
        assertThat(candles.batches).containsExactly(3, 3, 1);
        assertThat(publisher.candleCalls).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(publisher.candleCalls.stream().flatMap(List::stream))
                .extracting(CandleClosed::openTime)
                .containsExactly(slot(0), slot(1), slot(2), slot(3), slot(4), slot(5), slot(6));
        // Each batch is acknowledged and marked once the next one is on its way; the last at the end.
        assertThat(markedWhenPublishing).containsExactly(0L, 0L, 3L);
        assertThat(publisher.sendLog)
                .containsExactly("send 1", "send 2", "acknowledged 1", "send 3", "acknowledged 2", "acknowledged 3");
        assertThat(candles.published()).isEqualTo(7);
        assertThat(metrics.published).containsEntry(SERIES, 7);
        assertThat(pacer.pauses).isEmpty();
    }

    @Test
    void whenABatchIsNotAcknowledgedNeitherItNorTheOneSentAfterItIsMarkedAndBothArePublishedAgainInOrder() {
        source.file(FILE, withHeader(slots(0, 1, 2, 3, 4, 5, 6)));
        publisher.failAcknowledgementOf = 1;
        ReplayFile inThrees = replayInBatchesOf(3);

        ReplayRun failed = inThrees.replay(newRun(0));

        assertThat(failed.status()).isEqualTo(ReplayStatus.FAILED);
        assertThat(failed.error()).hasValueSatisfying(error -> assertThat(error).contains("no acknowledgement"));
        assertThat(failed.counts().candlesPublished()).isZero();
        assertThat(candles.published()).isZero();
        assertThat(publisher.sendLog)
                .startsWith("send 1", "send 2", "acknowledged 1")
                .doesNotContain("acknowledged 2");
        List<UUID> firstAttempt =
                publisher.candles().stream().map(c -> c.envelope().eventId()).toList();

        publisher.failAcknowledgementOf = 0;
        ReplayRun resumed = inThrees.replay(newRun(0));

        assertThat(resumed.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(resumed.counts()).isEqualTo(new ReplayCounts(7, 7, 0, 0));
        List<CandleClosed> republished = publisher.candles().subList(firstAttempt.size(), firstAttempt.size() + 7);
        assertThat(republished)
                .extracting(CandleClosed::openTime)
                .containsExactly(slot(0), slot(1), slot(2), slot(3), slot(4), slot(5), slot(6));
        assertThat(republished.subList(0, firstAttempt.size()))
                .extracting(c -> c.envelope().eventId())
                .containsExactlyElementsOf(firstAttempt);
        assertThat(candles.published()).isEqualTo(7);
    }

    @Test
    void aBatchPublishesItsCandlesThenTheIncidentsOfItsLinesInLineOrder() {
        String garbage = "1714521600000,not-a-price";
        source.file(
                FILE,
                withHeader(List.of(
                        KlineLines.candle15m(START, 0),
                        KlineLines.candle15m(START, 2),
                        garbage,
                        KlineLines.candle15m(START, 3),
                        KlineLines.candle15m(START, 5))));

        ReplayRun run = replayInBatchesOf(10).replay(newRun(0));

        assertThat(run.counts()).isEqualTo(new ReplayCounts(5, 4, 0, 1));
        assertThat(publisher.candleCalls).hasSize(1);
        assertThat(publisher.candleCalls.getFirst())
                .extracting(CandleClosed::openTime)
                .containsExactly(slot(0), slot(2), slot(3), slot(5));
        List<QualityIncident> incidents = publisher.incidentCalls.getFirst();
        assertThat(incidents).extracting(QualityIncident::rule).containsExactly("GAP", "MALFORMED_RECORD", "GAP");
        assertThat(incidents.get(0).envelope().causationId())
                .isEqualTo(publisher.candleCalls.getFirst().get(1).envelope().eventId());
        assertThat(incidents.get(1).evidence()).startsWith("line 4: ");
        assertThat(incidents.get(2).envelope().causationId())
                .isEqualTo(publisher.candleCalls.getFirst().get(3).envelope().eventId());
        assertThat(publisher.events.indexOf(incidents.getFirst()))
                .isGreaterThan(publisher.events.indexOf(
                        publisher.candleCalls.getFirst().getLast()));
        assertThat(rejections.publishedAt)
                .containsKey(rejections.rows.keySet().iterator().next());
        assertThat(metrics.incidents).containsEntry("GAP", 2).containsEntry("MALFORMED_RECORD", 1);
    }

    @Test
    void aBatchThatFailsPartWayIsPublishedAgainInFullUnderTheSameEventIdsAndNothingElseTwice() {
        source.file(FILE, withHeader(slots(0, 1, 2, 3, 4, 5)));
        publisher.failFromCandle = 3;
        // The first batch's publication waits until the replay thread stored the second, as it does when the
        // broker is slower than the database: that batch is then stored but never handed to the broker.
        publisher.beforePublish = () -> {
            if (publisher.candleCalls.isEmpty()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> candles.batchCount() == 2);
            }
        };
        ReplayFile inFours = replayInBatchesOf(4);

        ReplayRun failed = inFours.replay(newRun(0));

        assertThat(failed.status()).isEqualTo(ReplayStatus.FAILED);
        assertThat(failed.error()).hasValueSatisfying(error -> assertThat(error).contains("broker away"));
        assertThat(failed.counts()).isEqualTo(new ReplayCounts(6, 0, 0, 0));
        assertThat(candles.rows).hasSize(6);
        assertThat(candles.published()).isZero();
        assertThat(publisher.candleCalls).hasSize(1);
        List<CandleClosed> reachedTheBroker = publisher.candles();
        assertThat(reachedTheBroker).extracting(CandleClosed::openTime).containsExactly(slot(0), slot(1));

        publisher.failFromCandle = Integer.MAX_VALUE;
        publisher.beforePublish = () -> {};
        ReplayRun resumed = inFours.replay(newRun(0));

        assertThat(resumed.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(resumed.counts()).isEqualTo(new ReplayCounts(6, 6, 0, 0));
        List<CandleClosed> republished = publisher.candles().subList(2, 8);
        assertThat(republished)
                .extracting(CandleClosed::openTime)
                .containsExactly(slot(0), slot(1), slot(2), slot(3), slot(4), slot(5));
        assertThat(republished.subList(0, 2))
                .extracting(c -> c.envelope().eventId())
                .containsExactlyElementsOf(reachedTheBroker.stream()
                        .map(c -> c.envelope().eventId())
                        .toList());
        assertThat(republished)
                .allSatisfy(c -> assertThat(storedEventId(c.openTime()))
                        .isEqualTo(c.envelope().eventId()));
        assertThat(candles.published()).isEqualTo(6);

        ReplayRun third = inFours.replay(newRun(0));

        assertThat(third.counts()).isEqualTo(new ReplayCounts(6, 0, 6, 0));
        assertThat(publisher.candles()).hasSize(8);
    }

    @Test
    void whenTheIncidentsOfABatchFailItsCandlesStayUnmarkedAndAllArePublishedAgainUnderTheSameIds() {
        source.file(FILE, withHeader(List.of(KlineLines.candle15m(START, 0), "bad", KlineLines.candle15m(START, 2))));
        publisher.failIncidents = true;

        ReplayRun failed = replay.replay(newRun(0));

        assertThat(failed.status()).isEqualTo(ReplayStatus.FAILED);
        assertThat(failed.counts()).isEqualTo(new ReplayCounts(3, 0, 0, 1));
        assertThat(candles.published()).isZero();
        assertThat(rejections.rows).hasSize(1);
        assertThat(rejections.publishedAt).isEmpty();
        assertThat(metrics.published).isEmpty();
        List<CandleClosed> firstAttempt = publisher.candles();
        List<QualityIncident> incidentsOffered = publisher.incidentCalls.getFirst();

        publisher.failIncidents = false;
        ReplayRun resumed = replay.replay(newRun(0));

        assertThat(resumed.counts()).isEqualTo(new ReplayCounts(3, 2, 0, 1));
        assertThat(publisher.candles().subList(2, 4))
                .extracting(c -> c.envelope().eventId())
                .containsExactlyElementsOf(
                        firstAttempt.stream().map(c -> c.envelope().eventId()).toList());
        assertThat(publisher.incidents())
                .extracting(i -> i.envelope().eventId())
                .containsExactlyElementsOf(incidentsOffered.stream()
                        .map(i -> i.envelope().eventId())
                        .toList());
        assertThat(publisher.incidents()).extracting(QualityIncident::rule).containsExactly("MALFORMED_RECORD", "GAP");
        assertThat(candles.published()).isEqualTo(2);
        assertThat(rejections.publishedAt).hasSize(1);
    }

    @Test
    void aPacedReplayPublishesCandleByCandleWhateverTheBatchSize() {
        source.file(
                FILE,
                withHeader(List.of(
                        KlineLines.candle15m(START, 0),
                        "bad",
                        KlineLines.candle15m(START, 1),
                        KlineLines.candle15m(START, 2))));
        List<Long> markedWhenPausing = new ArrayList<>();
        pacer.onPause = () -> markedWhenPausing.add(candles.published());

        ReplayRun run = replayInBatchesOf(500).replay(newRun(900));

        assertThat(run.counts()).isEqualTo(new ReplayCounts(4, 3, 0, 1));
        assertThat(publisher.candleCalls).extracting(List::size).containsExactly(1, 0, 1, 1);
        assertThat(publisher.incidentCalls).extracting(List::size).containsExactly(0, 1, 0, 0);
        assertThat(pacer.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(markedWhenPausing).containsExactly(1L, 2L);
        assertThat(candles.batches).isEmpty();
    }

    @Test
    void aCancelDuringABatchKeepsTheAcknowledgedBatchesAndALaterReplayPublishesTheRestOnce() {
        source.file(FILE, withHeader(slots(0, 1, 2, 3, 4)));
        ReplayFile inPairs = replayInBatchesOf(2);
        ReplayControl control = new ReplayControl(newRun(0));
        control.attach(Thread.currentThread());
        publisher.beforePublish = () -> {
            if (publisher.candleCalls.size() == 1) {
                // The replay thread has stored the last batch too: the cancel catches it waiting for the broker.
                await().atMost(Duration.ofSeconds(10)).until(() -> candles.batchCount() == 3);
                control.requestCancel();
            }
        };

        ReplayRun cancelled;
        try {
            cancelled = inPairs.replay(control);
        } finally {
            control.detach();
            Thread.interrupted();
        }

        assertThat(cancelled.status()).isEqualTo(ReplayStatus.CANCELLED);
        assertThat(cancelled.counts()).isEqualTo(new ReplayCounts(5, 2, 0, 0));
        assertThat(runs.find(cancelled.id())).contains(cancelled);
        assertThat(candles.published()).isEqualTo(2);
        assertThat(publisher.candles()).hasSize(2);

        publisher.beforePublish = () -> {};
        ReplayRun resumed = inPairs.replay(newRun(0));

        assertThat(resumed.counts()).isEqualTo(new ReplayCounts(5, 3, 2, 0));
        assertThat(publisher.candles())
                .extracting(CandleClosed::openTime)
                .containsExactly(slot(0), slot(1), slot(2), slot(3), slot(4));
    }

    @Test
    void atSpeedZeroTheNextBatchIsStoredWhileThePreviousOneIsBeingPublished() {
        source.file(FILE, withHeader(slots(0, 1, 2, 3, 4, 5)));
        List<Integer> storedWhenPublishing = new ArrayList<>();
        publisher.beforePublish = () -> {
            if (publisher.candleCalls.isEmpty()) {
                // Would time out if storing and publishing took turns on one thread.
                await().atMost(Duration.ofSeconds(10)).until(() -> candles.batchCount() >= 2);
            }
            storedWhenPublishing.add(candles.batchCount());
        };

        ReplayRun run = replayInBatchesOf(2).replay(newRun(0));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(run.counts()).isEqualTo(new ReplayCounts(6, 6, 0, 0));
        assertThat(storedWhenPublishing.getFirst()).isGreaterThanOrEqualTo(2);
        assertThat(publisher.candleCalls).extracting(List::size).containsExactly(2, 2, 2);
        assertThat(publisher.candles())
                .extracting(CandleClosed::openTime)
                .containsExactly(slot(0), slot(1), slot(2), slot(3), slot(4), slot(5));
        assertThat(candles.published()).isEqualTo(6);
        assertThat(metrics.published).containsEntry(SERIES, 6);
    }

    @Test
    void theReplayThreadWaitsWhenTheBatchesInFlightAreNotAcknowledgedYet() {
        source.file(FILE, withHeader(slots(0, 1, 2, 3, 4, 5, 6, 7)));
        ReplayFile oneInFlight = new ReplayFile(
                source,
                candles,
                rejections,
                runs,
                publisher,
                metrics,
                pacer,
                new QualityStages(QualitySettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                ids,
                1,
                1,
                Fakes.pipelineThreads());
        publisher.beforePublish = () -> {
            if (publisher.candleCalls.isEmpty()) {
                // One batch in the publisher's hands, one stored and waiting to be handed over: no more.
                await().atMost(Duration.ofSeconds(10)).until(() -> candles.batchCount() == 2);
                await().during(Duration.ofMillis(300))
                        .atMost(Duration.ofSeconds(2))
                        .until(() -> candles.batchCount() == 2);
            }
        };

        ReplayRun run = oneInFlight.replay(newRun(0));

        assertThat(run.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(run.counts()).isEqualTo(new ReplayCounts(8, 8, 0, 0));
        assertThat(candles.published()).isEqualTo(8);
    }

    @Test
    void aFailureToMarkAnAcknowledgedBatchFailsTheRunAndALaterReplayPublishesItAgainUnderTheSameIds() {
        source.file(FILE, withHeader(slots(0, 1, 2, 3)));
        candles.markFailure = new IllegalStateException("database away");

        ReplayRun failed = replayInBatchesOf(2).replay(newRun(0));

        assertThat(failed.status()).isEqualTo(ReplayStatus.FAILED);
        assertThat(failed.error()).hasValueSatisfying(error -> assertThat(error).contains("database away"));
        // The second batch was on its way when the first one's mark failed: the broker acknowledged both.
        assertThat(failed.counts().candlesPublished()).isEqualTo(4);
        assertThat(publisher.candles())
                .extracting(CandleClosed::openTime)
                .containsExactly(slot(0), slot(1), slot(2), slot(3));
        assertThat(candles.published()).isZero();

        candles.markFailure = null;
        ReplayRun resumed = replayInBatchesOf(2).replay(newRun(0));

        assertThat(resumed.counts()).isEqualTo(new ReplayCounts(4, 4, 0, 0));
        assertThat(publisher.candles().subList(4, 8))
                .extracting(c -> c.envelope().eventId())
                .containsExactlyElementsOf(publisher.candles().subList(0, 4).stream()
                        .map(c -> c.envelope().eventId())
                        .toList());
        assertThat(candles.published()).isEqualTo(4);
    }

    @Test
    void aGarbageNumberIsReportedAsABadNumberAndTheCandleAfterItAsAGap() {
        long open = slot(1).toEpochMilli();
        String garbage = KlineLines.line(open, open + 15 * 60 * 1000 - 1, "120.0", "not-a-price", "119.0", "121.0");
        source.file(FILE, withHeader(List.of(KlineLines.candle15m(START, 0), garbage, KlineLines.candle15m(START, 2))));

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.counts()).isEqualTo(new ReplayCounts(3, 2, 0, 1));
        assertThat(publisher.incidents()).extracting(QualityIncident::rule).containsExactly("BAD_NUMBER", "GAP");
        assertThat(publisher.incidents().getFirst().evidence())
                .startsWith("line 3: NOT_A_NUMBER: high is not a decimal number: 'not-a-price'");
        assertThat(metrics.rejected).containsEntry(RejectionReason.NOT_A_NUMBER, 1);
        assertThat(metrics.incidents).containsEntry("BAD_NUMBER", 1).containsEntry("GAP", 1);
    }

    @Test
    void aDisabledRuleRaisesNoFlagAndNoIncidentAndARejectedLineStaysRejected() {
        long open = slot(1).toEpochMilli();
        String garbage = KlineLines.line(open, open + 15 * 60 * 1000 - 1, "120.0", "NaN", "119.0", "121.0");
        source.file(
                FILE,
                withHeader(List.of(KlineLines.candle15m(START, 0), garbage, "bad", KlineLines.candle15m(START, 2))));
        QualitySettings settings = QualitySettings.defaults()
                .without(QualityRule.BAD_NUMBER)
                .without(QualityRule.MALFORMED_RECORD)
                .without(QualityRule.GAP);
        ReplayFile quiet = new ReplayFile(
                source,
                candles,
                rejections,
                runs,
                publisher,
                metrics,
                pacer,
                new QualityStages(settings, Clock.fixed(NOW, ZoneOffset.UTC)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                ids,
                500,
                ReplayFile.DEFAULT_BATCHES_IN_FLIGHT,
                Fakes.pipelineThreads());

        ReplayRun run = quiet.replay(newRun(0));

        assertThat(run.counts()).isEqualTo(new ReplayCounts(4, 2, 0, 2));
        assertThat(publisher.candles()).extracting(CandleClosed::qualityFlags).containsOnly(List.of());
        assertThat(publisher.incidents()).isEmpty();
        assertThat(rejections.rows.values())
                .extracting(NewRejection::reason)
                .containsExactly("NOT_FINITE", "WRONG_COLUMN_COUNT");
        assertThat(rejections.publishedAt).isEmpty();
        assertThat(metrics.rejected)
                .containsEntry(RejectionReason.NOT_FINITE, 1)
                .containsEntry(RejectionReason.WRONG_COLUMN_COUNT, 1);
        assertThat(metrics.incidents).isEmpty();
    }

    @Test
    void aSilenceOfMoreThanThreeIntervalsIsAStaleStreamPublishedWithTheCandleThatEndsItAndOnlyOnce() {
        source.file(FILE, withHeader(slots(0, 1, 5, 6)));

        ReplayRun run = replay.replay(newRun(0));

        assertThat(run.counts()).isEqualTo(new ReplayCounts(4, 4, 0, 0));
        assertThat(publisher.incidents()).extracting(QualityIncident::rule).containsExactly("STALE_STREAM", "GAP");
        QualityIncident stale = publisher.incidents().getFirst();
        assertThat(stale.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(stale.evidence())
                .isEqualTo("no update on INGUSDT-15m since " + slot(2).minusMillis(1) + ": silent for PT1H at "
                        + slot(6).minusMillis(1) + ", more than 3 x 15m");
        assertThat(stale.envelope().eventId())
                .isEqualTo(DerivedIds.from(
                        "series-quality-incident",
                        "replay:INGUSDT-15m.csv",
                        SERIES,
                        slot(2).minusMillis(1),
                        "STALE_STREAM"));
        assertThat(publisher.candles().get(2).qualityFlags()).containsExactly("GAP");

        replay.replay(newRun(0));

        assertThat(publisher.incidents()).hasSize(2);
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> replayInBatchesOf(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize must be at least 1");
    }

    private ReplayFile replayInBatchesOf(int batchSize) {
        return new ReplayFile(
                source,
                candles,
                rejections,
                runs,
                publisher,
                metrics,
                pacer,
                new QualityStages(QualitySettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                ids,
                batchSize,
                ReplayFile.DEFAULT_BATCHES_IN_FLIGHT,
                Fakes.pipelineThreads());
    }

    private UUID storedEventId(Instant openTime) {
        return candles.rows.values().stream()
                .filter(row -> row.candle().openTime().equals(openTime))
                .map(StoredCandle::eventId)
                .findFirst()
                .orElseThrow();
    }

    private ReplayRun newRun(int speed) {
        ReplayRun run = ReplayRun.started(
                ids.next(), "replay:INGUSDT-15m.csv", FILE, SERIES, speed, ReplayTrigger.OPERATOR, NOW);
        runs.insert(run);
        return run;
    }

    private static List<String> slots(int... slots) {
        List<String> lines = new ArrayList<>();
        for (int slot : slots) {
            lines.add(KlineLines.candle15m(START, slot));
        }
        return lines;
    }

    private static List<String> withHeader(List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add(KlineLines.HEADER);
        all.addAll(lines);
        return all;
    }

    private static Instant slot(int slot) {
        return START.plus(Duration.ofMinutes(15L * slot));
    }
}
