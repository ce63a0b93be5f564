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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Replays one kline file: each line is parsed, checked against the previous candle of the series, stored,
 * published as {@code CandleClosed} and then marked published. Bad lines are stored, counted and reported
 * as quality incidents, and the replay goes on.
 *
 * <p>Re-reading a file is safe: a candle already stored and published is skipped, one stored but not
 * published (the service stopped in between) is published under its stored event id. Published marks are
 * written in batches, so after a crash up to {@value #BATCH} candles may be published a second time under the
 * same event id, which consumers recognise as a duplicate.
 */
public final class ReplayKlineFile {

    private static final Logger log = LoggerFactory.getLogger(ReplayKlineFile.class);
    static final int BATCH = 500;

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

    public ReplayKlineFile(KlineSource source, CandleStore candles, RejectionStore rejections, ReplayRunStore runs,
                           MarketEventPublisher publisher, IngestMetrics metrics, Pacer pacer,
                           CandleQualityRules rules, Clock clock, IdGenerator ids) {
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

    /** The state of one replay while it runs. */
    private final class Execution {

        private final ReplayControl control;
        private final ReplayRun run;
        private final Series series;
        private final KlineCsvParser parser;
        private final Duration pause;
        private final List<UUID> unmarked = new ArrayList<>(BATCH);
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
                    if (linesRead % BATCH == 0) {
                        saveProgress();
                    }
                }
                markPublished();
                log.info("Replay of {} completed: {} lines, {} candles published, {} already published, {} rejected (run {})",
                        run.file(), linesRead, published, skipped, rejected, run.id());
                return finish(run.completed(counts(), clock.instant()));
            } catch (InterruptedException | IOException | RuntimeException e) {
                // A read or publish interrupted by cancel or shutdown surfaces as an I/O or publish failure too.
                if (e instanceof InterruptedException || control.cancelRequested() || Thread.currentThread().isInterrupted()) {
                    return stopped(e);
                }
                if (e instanceof IOException) {
                    return failed("could not read " + run.file() + ": " + e.getMessage(), e);
                }
                return failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
            }
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
            StoredCandle stored = candles.storeIfAbsent(new NewCandle(candle, check.flagNames(), run.source(),
                    ids.next(), clock.instant()));
            if (stored.publishedAt().isPresent()) {
                skipped++;
                return;
            }
            if (published > 0 && !pause.isZero()) {
                saveProgress();
                pacer.pause(pause);
            }
            publish(stored, check);
            unmarked.add(stored.eventId());
            published++;
        }

        private void publish(StoredCandle stored, QualityCheck check) {
            Candle c = stored.candle();
            Envelope envelope = Envelope.root(stored.eventId(), c.closeTime(), clock.instant());
            publisher.publishCandle(new CandleClosed(envelope, c.symbol(), c.interval(), c.openTime(), c.closeTime(),
                    Price.of(c.open()), Price.of(c.high()), Price.of(c.low()), Price.of(c.close()),
                    Quantity.of(c.volume()), Quantity.of(c.quoteVolume()), c.trades(),
                    Quantity.of(c.takerBuyBaseVolume()), Quantity.of(c.takerBuyQuoteVolume()),
                    stored.source(), stored.qualityFlags()));
            metrics.candlePublished(series, Duration.between(c.closeTime(), clock.instant()));
            for (QualityViolation violation : check.violations()) {
                String rule = violation.flag().name();
                // Derived from the candle's event id: a candle published again yields the same incident id.
                UUID incidentId = DerivedIds.from("candle-quality-incident", stored.eventId(), rule);
                publisher.publishIncident(new QualityIncident(
                        Envelope.causedBy(envelope, incidentId, c.closeTime(), clock.instant()),
                        c.symbol(), c.interval(), rule, Severity.WARNING, stored.source(), violation.evidence()));
                metrics.incidentPublished(rule);
            }
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
            String rule = reason.incidentRule();
            publisher.publishIncident(new QualityIncident(
                    Envelope.root(stored.eventId(), stored.rejectedAt(), clock.instant()),
                    series.symbol(), series.interval(), rule, Severity.WARNING, run.source(),
                    "line " + lineNumber + ": " + reason + ": " + detail + "; line was: " + rawLine));
            metrics.incidentPublished(rule);
            rejections.markPublished(rejectionId, clock.instant());
        }

        private void markPublished() {
            if (!unmarked.isEmpty()) {
                candles.markPublished(List.copyOf(unmarked), clock.instant());
                unmarked.clear();
            }
        }

        private void saveProgress() {
            markPublished();
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
                log.warn("Could not mark {} published candles of run {}; a later replay publishes them again "
                        + "under the same event ids", unmarked.size(), run.id(), e);
            }
        }

        private void saveFinal(ReplayRun finished) {
            try {
                runs.update(finished);
            } catch (RuntimeException e) {
                log.error("Could not save the final status {} of replay run {}", finished.status(), run.id(), e);
            }
        }
    }
}
