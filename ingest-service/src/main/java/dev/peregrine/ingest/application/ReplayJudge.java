package dev.peregrine.ingest.application;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.NewRejection;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.StoredRejection;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.quality.QualityCheck;
import dev.peregrine.ingest.domain.quality.QualityRule;
import dev.peregrine.ingest.domain.quality.QualityViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replay's judging step, whatever the format: a candle passes the run's {@link QualityStage}, and is accepted or
 * refused; a line that cannot be read is stored in {@code ingest.rejections}, counted and, when it names a series,
 * reported as an incident. What is to be published goes to the run's {@link ReplayOutput}.
 */
final class ReplayJudge {

    private static final Logger log = LoggerFactory.getLogger(ReplayFile.class);

    private final ReplayRun run;
    private final QualityStage stage;
    private final ReplayOutput output;
    private final RejectionStore rejections;
    private final IngestMetrics metrics;
    private final IdGenerator ids;
    private final Clock clock;
    private final ReplayTally tally;

    ReplayJudge(
            ReplayRun run,
            QualityStage stage,
            ReplayOutput output,
            RejectionStore rejections,
            IngestMetrics metrics,
            IdGenerator ids,
            Clock clock,
            ReplayTally tally) {
        this.run = run;
        this.stage = stage;
        this.output = output;
        this.rejections = rejections;
        this.metrics = metrics;
        this.ids = ids;
        this.clock = clock;
        this.tally = tally;
    }

    /**
     * A candle read at {@code receivedAt}; {@code seriesIncidents} were found just before it. A paced replay
     * waits {@code pauseBefore} before publishing it unless it is the first.
     */
    void candle(
            long lineNumber,
            String line,
            Candle candle,
            Instant receivedAt,
            List<QualityIncident> seriesIncidents,
            Duration pauseBefore)
            throws InterruptedException {
        QualityCheck check = stage.candle(candle, receivedAt);
        Optional<QualityViolation> refusal = check.refusal();
        if (refusal.isPresent()) {
            standalone(seriesIncidents);
            reject(
                    lineNumber,
                    line,
                    RejectionReason.valueOf(refusal.get().rule().name()),
                    refusal.get().evidence(),
                    Optional.of(candle.series()));
        } else {
            NewCandle offered = new NewCandle(candle, check.flagNames(), run.source(), ids.next(), clock.instant());
            output.candle(offered, check, seriesIncidents, pauseBefore);
        }
    }

    /** Only the line's start is kept, and no parser sees it: its content cannot be trusted to be a record. */
    void rejectTooLong(long lineNumber, String start, long length, Optional<Series> series)
            throws InterruptedException {
        reject(
                lineNumber,
                NewRejection.prefix(start, NewRejection.MAX_RAW_LINE),
                RejectionReason.LINE_TOO_LONG,
                "a line of " + length + " characters, longer than peregrine.ingest.replay.max-line-length allows; "
                        + "only its first " + Math.min(start.length(), NewRejection.MAX_RAW_LINE) + " are kept",
                series);
    }

    void reject(long lineNumber, String line, RejectionReason reason, String fullDetail, Optional<Series> series)
            throws InterruptedException {
        // A detail may quote the line (a field that is not a number): it is cut like the line.
        String detail = NewRejection.prefix(fullDetail, NewRejection.MAX_DETAIL);
        tally.rejected();
        log.warn("Rejected line {} of {}: {}: {}", lineNumber, run.source(), reason, detail);
        metrics.lineRejected(reason);
        String rawLine = NewRejection.prefix(line, NewRejection.MAX_RAW_LINE);
        // Kline files keep the id kind they always had, so rejections stored by earlier runs are found again.
        String kind = run.format() == ReplayFormat.WS_CAPTURE ? "capture-rejection" : "kline-rejection";
        UUID rejectionId = DerivedIds.from(kind, run.source(), lineNumber, line);
        StoredRejection stored = rejections.recordIfAbsent(new NewRejection(
                rejectionId,
                run.id(),
                run.source(),
                series,
                lineNumber,
                reason.name(),
                detail,
                rawLine,
                ids.next(),
                clock.instant()));
        QualityRule rule = QualityRule.forRejection(reason);
        if (stored.publishedAt().isPresent() || !stage.reports(rule)) {
            return;
        }
        if (series.isEmpty()) {
            // A QualityIncident names a symbol and an interval; a line that did not tell them stays in
            // ingest.rejections and the counters.
            metrics.incidentReported(rule.name());
            return;
        }
        QualityIncident incident = new QualityIncident(
                Envelope.root(stored.eventId(), stored.rejectedAt(), clock.instant()),
                series.get().symbol(),
                series.get().interval(),
                rule.name(),
                rule.severity(),
                run.source(),
                "line " + lineNumber + ": " + reason + ": " + detail + "; line was: " + rawLine);
        output.rejection(rejectionId, incident);
    }

    /** Incidents about a series rather than a line's candle. */
    void standalone(List<QualityIncident> incidents) throws InterruptedException {
        if (!incidents.isEmpty()) {
            output.incidents(incidents);
        }
    }
}
