package dev.peregrine.ingest.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.event.Severity;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.KlineSource;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.NewRejection;
import dev.peregrine.ingest.application.port.out.Pacer;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.ReplayRunStore;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.application.port.out.StoredRejection;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.CandleQualityRules;
import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.ParseResult;
import dev.peregrine.ingest.domain.QualityCheck;
import dev.peregrine.ingest.domain.QualityViolation;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.ReplayCounts;
import dev.peregrine.ingest.domain.ReplayPacing;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.Series;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Replays one kline file: each line is parsed, checked against the previous candle of the series, stored,
 * published as {@code CandleClosed} and then marked published. Bad lines are stored, counted and reported
 * as quality incidents, and the replay goes on.
 *
 * <p>At speed 0 candles are stored and published in batches of up to {@code batchSize} lines, because waiting
 * for the broker's acknowledgement of each candle would take most of the replay's time. A batch is marked
 * published only once the broker acknowledged all of it, candles and incidents; a paced replay publishes
 * candle by candle, as each is due.
 *
 * <p>Re-reading a file is safe: a candle already stored and published is skipped, one stored but not
 * published (the service stopped in between) is published under its stored event id. A batch that failed
 * part-way, or whose published marks could not be written, is published again in full under the same event
 * ids, which consumers recognise as duplicates.
 */
public final class ReplayKlineFile {

    private static final Logger log = LoggerFactory.getLogger(ReplayKlineFile.class);
    static final int PROGRESS_EVERY_LINES = 500;

    private final KlineSource source;
    private final CandleStore candles;
    private final RejectionStore rejections;
    private final ReplayRunStore runs;
    private final MarketEventPublisher publisher;
    private final IngestMetrics metrics;
    private final Pacer pacer;
    private final CandleQualityRules rules;
    private final Clock clock;
    private final IdGenerator ids;
    private final int batchSize;

    /** @param batchSize most lines stored and published together at speed 0; at least 1 */
    public ReplayKlineFile(KlineSource source, CandleStore candles, RejectionStore rejections, ReplayRunStore runs,
                           MarketEventPublisher publisher, IngestMetrics metrics, Pacer pacer,
                           CandleQualityRules rules, Clock clock, IdGenerator ids, int batchSize) {
        this.source = Objects.requireNonNull(source, "source");
        this.candles = Objects.requireNonNull(candles, "candles");
        this.rejections = Objects.requireNonNull(rejections, "rejections");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** Replays an inserted RUNNING run to its end and returns it finished; never throws. */
    public ReplayRun replay(ReplayRun run) {
        return replay(new ReplayControl(run));
    }

    ReplayRun replay(ReplayControl control) {
        Execution execution = new Execution(control);
        ReplayRun finished = execution.run();
        control.update(finished);
        return finished;
    }

    /** A line read at speed 0 whose candle or incident waits for its batch. */
    private sealed interface Pending {
    }

    /** Not stored yet: the whole batch is stored in one go just before it is published. */
    private record PendingCandle(NewCandle offered, QualityCheck check) implements Pending {
    }

    private record PendingRejection(UUID rejectionId, QualityIncident incident) implements Pending {
    }

    /** The state of one replay while it runs. */
    private final class Execution {

        private final ReplayControl control;
        private final ReplayRun run;
        private final Series series;
        private final KlineCsvParser parser;
        private final Duration pause;
        private final List<Pending> pending = new ArrayList<>();
        private final List<UUID> unmarkedCandles = new ArrayList<>();
        private final List<UUID> unmarkedRejections = new ArrayList<>();
        private long linesRead;
        private long published;
        private long skipped;
        private long rejected;
        private Candle previous;

        Execution(ReplayControl control) {
            this.control = control;
            this.run = control.current();
            this.series = run.series().orElseThrow(() -> new IllegalArgumentException("run " + run.id() + " has no series"));
            this.parser = new KlineCsvParser(series);
            this.pause = ReplayPacing.pauseBetweenCandles(series.interval(), run.speed());
        }

        ReplayRun run() {
            log.info("Replaying {} as {} at speed {} (run {})", run.file(), series, run.speed(), run.id());
            try (KlineSource.Lines lines = source.open(run.file())) {
                long lineNumber = 0;
                String line;
                while ((line = lines.nextLine()) != null) {
                    lineNumber++;
                    if (control.cancelRequested() || Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("replay stopped at line " + lineNumber);
                    }
                    if (lineNumber == 1 && KlineCsvParser.isHeader(line)) {
                        continue;
                    }
                    linesRead++;
                    handle(lineNumber, line);
                    if (linesRead % PROGRESS_EVERY_LINES == 0) {
                        saveProgress();
                    }
                }
                publishPending();
                log.info("Replay of {} completed: {} lines, {} candles published, {} already published, {} rejected (run {})",
                        run.file(), linesRead, published, skipped, rejected, run.id());
                return finish(run.completed(counts(), clock.instant()));
            } catch (InterruptedException | IOException | RuntimeException e) {
                // A read or publish interrupted by cancel or shutdown surfaces as an I/O or publish failure too.
                if (e instanceof InterruptedException || control.cancelRequested() || Thread.currentThread().isInterrupted()) {
                    return stopped(e);
                }
                if (e instanceof IOException) {
                    publishPendingBeforeFailing(e);
                    return failed("could not read " + run.file() + ": " + e.getMessage(), e);
                }
                return failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
            }
        }

        private boolean batched() {
            return pause.isZero();
        }

        private void handle(long lineNumber, String line) throws InterruptedException {
            switch (parser.parse(line)) {
                case ParseResult.Rejected rejection -> reject(lineNumber, line, rejection.reason(), rejection.detail());
                case ParseResult.Parsed parsed -> {
                    QualityCheck check = rules.check(parsed.candle(), previous);
                    Optional<QualityViolation> refusal = check.refusal();
                    if (refusal.isPresent()) {
                        reject(lineNumber, line, RejectionReason.valueOf(refusal.get().flag().name()), refusal.get().evidence());
                    } else {
                        previous = parsed.candle();
                        accept(parsed.candle(), check);
                    }
                }
            }
        }

        private void accept(Candle candle, QualityCheck check) throws InterruptedException {
            NewCandle offered = new NewCandle(candle, check.flagNames(), run.source(), ids.next(), clock.instant());
            if (batched()) {
                hold(new PendingCandle(offered, check));
                return;
            }
            // Stored before pausing, so that a candle an earlier run already published costs no wait.
            StoredCandle stored = candles.storeIfAbsent(offered);
            if (stored.publishedAt().isPresent()) {
                skipped++;
                return;
            }
            if (published > 0) {
                saveProgress();
                pacer.pause(pause);
            }
            Outgoing outgoing = new Outgoing();
            outgoing.candle(stored, check);
            send(outgoing);
        }

        private void reject(long lineNumber, String line, RejectionReason reason, String detail) {
            rejected++;
            log.warn("Rejected line {} of {}: {}: {}", lineNumber, run.source(), reason, detail);
            metrics.lineRejected(reason);
            String rawLine = line.length() <= NewRejection.MAX_RAW_LINE ? line : line.substring(0, NewRejection.MAX_RAW_LINE);
            UUID rejectionId = DerivedIds.from("kline-rejection", run.source(), lineNumber, line);
            StoredRejection stored = rejections.recordIfAbsent(new NewRejection(rejectionId, run.id(), run.source(),
                    series, lineNumber, reason.name(), detail, rawLine, ids.next(), clock.instant()));
            if (stored.publishedAt().isPresent()) {
                return;
            }
            QualityIncident incident = new QualityIncident(
                    Envelope.root(stored.eventId(), stored.rejectedAt(), clock.instant()),
                    series.symbol(), series.interval(), reason.incidentRule(), Severity.WARNING, run.source(),
                    "line " + lineNumber + ": " + reason + ": " + detail + "; line was: " + rawLine);
            if (batched()) {
                hold(new PendingRejection(rejectionId, incident));
                return;
            }
            Outgoing outgoing = new Outgoing();
            outgoing.rejection(rejectionId, incident);
            send(outgoing);
        }

        private void hold(Pending line) {
            pending.add(line);
            if (pending.size() >= batchSize) {
                publishPending();
            }
        }

        private void publishPending() {
            if (pending.isEmpty()) {
                return;
            }
            List<NewCandle> offered = new ArrayList<>(pending.size());
            for (Pending line : pending) {
                if (line instanceof PendingCandle candle) {
                    offered.add(candle.offered());
                }
            }
            List<StoredCandle> stored = offered.isEmpty() ? List.of() : candles.storeAllIfAbsent(offered);
            if (stored.size() != offered.size()) {
                throw new IllegalStateException("the candle store returned " + stored.size() + " rows for "
                        + offered.size() + " candles");
            }
            Iterator<StoredCandle> storedInOrder = stored.iterator();
            Outgoing outgoing = new Outgoing();
            for (Pending line : pending) {
                switch (line) {
                    case PendingCandle candle -> {
                        StoredCandle row = storedInOrder.next();
                        if (row.publishedAt().isPresent()) {
                            skipped++;
                        } else {
                            outgoing.candle(row, candle.check());
                        }
                    }
                    case PendingRejection rejection -> outgoing.rejection(rejection.rejectionId(), rejection.incident());
                }
            }
            pending.clear();
            send(outgoing);
        }

        /** The lines read before the file broke off are sound, and a paced replay would have published them. */
        private void publishPendingBeforeFailing(Exception cause) {
            try {
                publishPending();
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }

        /** Publishes, counts once acknowledged, then marks published: a failure leaves the events to publish again. */
        private void send(Outgoing outgoing) {
            if (outgoing.candles.isEmpty() && outgoing.incidents.isEmpty()) {
                return;
            }
            publisher.publishAll(outgoing.candles, outgoing.incidents);
            Instant acknowledged = clock.instant();
            for (CandleClosed candle : outgoing.candles) {
                metrics.candlePublished(series, Duration.between(candle.closeTime(), acknowledged));
                unmarkedCandles.add(candle.envelope().eventId());
            }
            for (QualityIncident incident : outgoing.incidents) {
                metrics.incidentPublished(incident.rule());
            }
            unmarkedRejections.addAll(outgoing.rejectionIds);
            published += outgoing.candles.size();
            markPublished();
        }

        private void markPublished() {
            Instant now = clock.instant();
            if (!unmarkedCandles.isEmpty()) {
                candles.markPublished(List.copyOf(unmarkedCandles), now);
                unmarkedCandles.clear();
            }
            while (!unmarkedRejections.isEmpty()) {
                rejections.markPublished(unmarkedRejections.getFirst(), now);
                unmarkedRejections.removeFirst();
            }
        }

        private void saveProgress() {
            ReplayRun progress = run.withCounts(counts());
            runs.update(progress);
            control.update(progress);
        }

        private ReplayCounts counts() {
            return new ReplayCounts(linesRead, published, skipped, rejected);
        }

        private ReplayRun stopped(Exception cause) {
            // Clear the interrupt so that the final writes are not refused; restored afterwards.
            boolean interrupted = Thread.interrupted();
            try {
                tryMarkPublished();
                if (control.cancelRequested()) {
                    log.info("Replay of {} cancelled after {} lines (run {})", run.file(), linesRead, run.id());
                    return finish(run.cancelled(counts(), clock.instant(), "cancelled by an operator after "
                            + linesRead + " lines"));
                }
                return failed("the service stopped during the replay; start it again to resume "
                        + "(candles already published are skipped)", cause);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private ReplayRun failed(String reason, Exception cause) {
            log.error("Replay of {} failed after {} lines (run {}): {}", run.file(), linesRead, run.id(), reason, cause);
            tryMarkPublished();
            return finish(run.failed(counts(), clock.instant(), reason));
        }

        private ReplayRun finish(ReplayRun finished) {
            control.update(finished);
            saveFinal(finished);
            return finished;
        }

        private void tryMarkPublished() {
            try {
                markPublished();
            } catch (RuntimeException e) {
                log.warn("Could not mark {} published candles and {} published incidents of run {}; a later replay "
                        + "publishes them again under the same event ids", unmarkedCandles.size(),
                        unmarkedRejections.size(), run.id(), e);
            }
        }

        private void saveFinal(ReplayRun finished) {
            try {
                runs.update(finished);
            } catch (RuntimeException e) {
                log.error("Could not save the final status {} of replay run {}", finished.status(), run.id(), e);
            }
        }

        /** Events published together and marked published together once the broker acknowledged them all. */
        private final class Outgoing {

            private final List<CandleClosed> candles = new ArrayList<>();
            private final List<QualityIncident> incidents = new ArrayList<>();
            private final List<UUID> rejectionIds = new ArrayList<>();

            void candle(StoredCandle stored, QualityCheck check) {
                Candle c = stored.candle();
                Envelope envelope = Envelope.root(stored.eventId(), c.closeTime(), clock.instant());
                candles.add(new CandleClosed(envelope, c.symbol(), c.interval(), c.openTime(), c.closeTime(),
                        Price.of(c.open()), Price.of(c.high()), Price.of(c.low()), Price.of(c.close()),
                        Quantity.of(c.volume()), Quantity.of(c.quoteVolume()), c.trades(),
                        Quantity.of(c.takerBuyBaseVolume()), Quantity.of(c.takerBuyQuoteVolume()),
                        stored.source(), stored.qualityFlags()));
                for (QualityViolation violation : check.violations()) {
                    String rule = violation.flag().name();
                    // Derived from the candle's event id: a candle published again yields the same incident id.
                    UUID incidentId = DerivedIds.from("candle-quality-incident", stored.eventId(), rule);
                    incidents.add(new QualityIncident(
                            Envelope.causedBy(envelope, incidentId, c.closeTime(), clock.instant()),
                            c.symbol(), c.interval(), rule, Severity.WARNING, stored.source(), violation.evidence()));
                }
            }

            void rejection(UUID rejectionId, QualityIncident incident) {
                incidents.add(incident);
                rejectionIds.add(rejectionId);
            }
        }
    }
}
