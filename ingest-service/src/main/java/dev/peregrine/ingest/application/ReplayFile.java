package dev.peregrine.ingest.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.id.IdGenerator;
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
import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.ParseResult;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.ReplayCounts;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayPacing;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.quality.QualityCheck;
import dev.peregrine.ingest.domain.quality.QualityRule;
import dev.peregrine.ingest.domain.quality.QualityViolation;
import dev.peregrine.ingest.domain.stream.BinanceStreamParser;
import dev.peregrine.ingest.domain.stream.CaptureLine;
import dev.peregrine.ingest.domain.stream.MarketMessage;
import dev.peregrine.ingest.domain.stream.MessageKind;
import dev.peregrine.ingest.domain.stream.StreamMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Replays one file, a kline CSV file or a raw WebSocket capture, through the same pipeline: every record is
 * parsed, passed through the run's {@link QualityStage}, and each candle that is not refused is stored, published
 * as {@code CandleClosed} with its quality flags and then marked published. Lines that cannot be read are stored,
 * counted and reported as quality incidents, and the replay goes on.
 *
 * <p>Kline files: each line is a candle, and the quality stage judges it at its close time. Captures
 * ({@code <local_ns> <json>}): each line is parsed by {@link BinanceStreamParser}, the same parser the live
 * stream uses; trades feed KLINE_CLOSE_VS_LAST_TRADE and the last trade price per symbol, book tickers and depth
 * are counted, closed klines become candles, and STALE_STREAM is judged at each line's local time.
 *
 * <p>At speed 0 candles are stored and published in batches of up to {@code batchSize} lines, because waiting
 * for the broker's acknowledgement of each candle would take most of the replay's time. Three threads of the run
 * overlap, each a {@link BatchLane} in file order: the replay thread reads and judges batch N+2 while a storing
 * thread stores batch N+1 (one statement, for a publication of its own) and a publishing thread publishes batch N
 * and marks it published once the broker acknowledged it, which it waits for only after sending the batch after it. Each waits when the next is too far behind (two batches read and not
 * stored, {@code batchesInFlight} stored and not yet done), so memory stays bounded. A batch is
 * marked published only once the broker acknowledged all of it, candles and incidents; its events are built (and
 * their processing time stamped) on the publishing thread just before they are sent. A failure to publish or mark
 * stops the replay, which is recorded as FAILED; the batches stored after the failed one stay unpublished until a
 * later replay. A paced kline replay publishes candle by candle on the replay thread, each interval / speed after
 * the last; a paced capture waits the local time between lines divided by the speed.
 *
 * <p>Re-reading a file is safe: a candle already stored and published is skipped, one stored but not
 * published (the service stopped in between) is published under its stored event id. A batch that failed
 * part-way, or whose published marks could not be written, is published again in full under the same event
 * ids, which consumers recognise as duplicates; so are a capture's STALE_STREAM incidents, whose ids derive from
 * the series and the silence.
 */
public final class ReplayFile {

    private static final Logger log = LoggerFactory.getLogger(ReplayFile.class);
    static final int PROGRESS_EVERY_LINES = 500;
    /** A paced capture sleeps once this much waiting has added up, rather than for each microsecond apart. */
    private static final long MIN_PAUSE_NANOS = 1_000_000;
    /** As ingest-service.yml: with batches of 250, four keep both threads busy (docs/performance.md), little memory. */
    public static final int DEFAULT_BATCHES_IN_FLIGHT = 4;
    /** Batches read and judged but not stored yet: enough for the replay thread to read on while one is stored. */
    private static final int STORES_IN_FLIGHT = 2;

    private final KlineSource source;
    private final CandleStore candles;
    private final RejectionStore rejections;
    private final ReplayRunStore runs;
    private final MarketEventPublisher publisher;
    private final IngestMetrics metrics;
    private final Pacer pacer;
    private final QualityStages quality;
    private final BinanceStreamParser streamParser = new BinanceStreamParser();
    private final Clock clock;
    private final IdGenerator ids;
    private final int batchSize;
    private final int batchesInFlight;
    private final Executor pipeline;

    /** With {@value #DEFAULT_BATCHES_IN_FLIGHT} batches in flight, stored and published by {@link #pipelineThreads()}. */
    public ReplayFile(KlineSource source, CandleStore candles, RejectionStore rejections, ReplayRunStore runs,
                      MarketEventPublisher publisher, IngestMetrics metrics, Pacer pacer, QualityStages quality,
                      Clock clock, IdGenerator ids, int batchSize) {
        this(source, candles, rejections, runs, publisher, metrics, pacer, quality, clock, ids, batchSize,
                DEFAULT_BATCHES_IN_FLIGHT, pipelineThreads());
    }

    /**
     * @param batchSize         most lines stored and published together at speed 0; at least 1
     * @param batchesInFlight   at speed 0, most batches stored and handed to the publishing thread but not yet
     *                          acknowledged and marked; at least 1
     * @param pipeline          runs each speed-0 run's storing and publishing as two tasks that last the whole run,
     *                          at the same time: at least two threads
     */
    public ReplayFile(KlineSource source, CandleStore candles, RejectionStore rejections, ReplayRunStore runs,
                      MarketEventPublisher publisher, IngestMetrics metrics, Pacer pacer, QualityStages quality,
                      Clock clock, IdGenerator ids, int batchSize, int batchesInFlight, Executor pipeline) {
        this.source = Objects.requireNonNull(source, "source");
        this.candles = Objects.requireNonNull(candles, "candles");
        this.rejections = Objects.requireNonNull(rejections, "rejections");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.quality = Objects.requireNonNull(quality, "quality");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
        if (batchesInFlight < 1) {
            throw new IllegalArgumentException("batchesInFlight must be at least 1, was " + batchesInFlight);
        }
        this.batchesInFlight = batchesInFlight;
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /**
     * Two daemon platform threads named {@code replay-pipeline}, one storing and one publishing a speed-0 run's
     * batches, kept while replays follow each other (so that they show up in thread dumps and CPU accounting) and
     * ended after a minute without work. Core threads, since a pool grows past its core size only when its queue is
     * full, and both tasks must run at once.
     */
    public static ExecutorService pipelineThreads() {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("replay-pipeline").daemon(true).factory());
        threads.allowCoreThreadTimeOut(true);
        return threads;
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

    /**
     * Not stored yet: the whole batch is stored in one go just before it is published.
     *
     * @param seriesIncidents found when this candle arrived (STALE_STREAM); published with the candle, so that a
     *                        replay that skips the candle as already published skips them too
     */
    private record PendingCandle(NewCandle offered, QualityCheck check, List<QualityIncident> seriesIncidents)
            implements Pending {
    }

    private record PendingRejection(UUID rejectionId, QualityIncident incident) implements Pending {
    }

    private record PendingIncident(QualityIncident incident) implements Pending {
    }

    /** Reads one line of the run's format. */
    private interface LineReader {

        /** Handles line {@code lineNumber}; false if it is not a data line (a header). */
        boolean read(long lineNumber, String line) throws InterruptedException;

        /**
         * A line longer than the source reads: only its start, {@code start}, was read; it is rejected as
         * LINE_TOO_LONG. True, as it counts as a line read.
         */
        boolean tooLong(long lineNumber, String start, long length) throws InterruptedException;
    }

    /** The state of one replay while it runs. */
    private final class Execution {

        private final ReplayControl control;
        private final ReplayRun run;
        private final QualityStage stage;
        private final LineReader reader;
        private final List<Pending> pending = new ArrayList<>();
        private final long[] messages = new long[MessageKind.values().length];
        private final boolean batched;
        private final Sender sender = new Sender();
        /** Speed 0 only: stores the batches this thread hands over, while it reads and judges the next ones. */
        private final BatchLane storeLane;
        /** Speed 0 only: publishes the stored batches while the next ones are stored. */
        private final BatchLane lane;
        private long linesRead;
        /** Written by one thread per run: the replay thread when paced, the storing thread at speed 0. */
        private volatile long skipped;
        private long rejected;

        Execution(ReplayControl control) {
            this.control = control;
            this.run = control.current();
            this.stage = quality.open(run.source());
            this.batched = run.speed() == 0;
            this.storeLane = batched ? new BatchLane("storing", pipeline, STORES_IN_FLIGHT, control) : null;
            this.lane = batched ? new BatchLane("publishing", pipeline, batchesInFlight, control) : null;
            this.reader = run.format() == ReplayFormat.WS_CAPTURE ? new CaptureReader() : new KlineCsvReader();
        }

        private boolean stopping() {
            return control.cancelRequested() || Thread.currentThread().isInterrupted();
        }

        ReplayRun run() {
            log.info("Replaying {} ({}) at speed {} (run {})", run.file(), run.series().map(Series::toString)
                    .orElse(run.format().code()), run.speed(), run.id());
            try (KlineSource.Lines lines = source.open(run.file())) {
                long lineNumber = 0;
                String line;
                while ((line = lines.nextLine()) != null) {
                    lineNumber++;
                    if (stopping()) {
                        throw new InterruptedException("replay stopped at line " + lineNumber);
                    }
                    long cutLength = lines.cutLength();
                    boolean counted = cutLength > 0 ? reader.tooLong(lineNumber, line, cutLength)
                            : reader.read(lineNumber, line);
                    if (counted && linesRead % PROGRESS_EVERY_LINES == 0) {
                        saveProgress();
                    }
                }
                publishPending();
                if (lane != null) {
                    // In this order: the storing thread hands its last batches to the publishing thread.
                    storeLane.finish();
                    lane.submit(sender::completeInFlight);
                    lane.finish();
                }
                log.info("Replay of {} completed: {} lines, {} candles published, {} already published, {} rejected, "
                                + "messages {}, last trade prices {} (run {})", run.file(), linesRead, sender.published,
                        skipped, rejected, counts().messages(), stage.lastTradePrices(), run.id());
                return finish(run.completed(counts(), clock.instant()));
            } catch (InterruptedException | IOException | RuntimeException e) {
                // A read or publish interrupted by cancel or shutdown surfaces as an I/O or publish failure too.
                if (e instanceof InterruptedException || stopping()) {
                    return stopped(e);
                }
                if (e instanceof IOException) {
                    publishPendingBeforeFailing(e);
                    return failed("could not read " + run.file() + ": " + e.getMessage(), e);
                }
                return failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
            }
        }

        /** Kline CSV: one candle a line, judged at its close time. */
        private final class KlineCsvReader implements LineReader {

            private final Series series = run.series().orElseThrow(
                    () -> new IllegalArgumentException("run " + run.id() + " of a kline file has no series"));
            private final KlineCsvParser parser = new KlineCsvParser(series);
            private final Duration pause = ReplayPacing.pauseBetweenCandles(series.interval(), run.speed());

            @Override
            public boolean read(long lineNumber, String line) throws InterruptedException {
                if (lineNumber == 1 && KlineCsvParser.isHeader(line)) {
                    return false;
                }
                linesRead++;
                switch (parser.parse(line)) {
                    case ParseResult.Rejected rejection ->
                            reject(lineNumber, line, rejection.reason(), rejection.detail(), Optional.of(series));
                    case ParseResult.Parsed parsed -> {
                        Instant receivedAt = parsed.candle().closeTime();
                        candle(lineNumber, line, parsed.candle(), receivedAt, stage.heartbeatAt(receivedAt), pause);
                    }
                }
                return true;
            }

            @Override
            public boolean tooLong(long lineNumber, String start, long length) throws InterruptedException {
                linesRead++;
                rejectTooLong(lineNumber, start, length, Optional.of(series));
                return true;
            }
        }

        /** A raw WebSocket capture: one message a line, judged at the recorder's local time. */
        private final class CaptureReader implements LineReader {

            private long previousNanos = Long.MIN_VALUE;
            private long owedNanos;

            @Override
            public boolean read(long lineNumber, String line) throws InterruptedException {
                linesRead++;
                switch (CaptureLine.parse(line)) {
                    case CaptureLine.Rejected rejection ->
                            reject(lineNumber, line, rejection.reason(), rejection.detail(), Optional.empty());
                    case CaptureLine.Entry entry -> {
                        pace(entry.localNanos());
                        Instant at = entry.localTime();
                        standalone(stage.heartbeatAt(at));
                        switch (streamParser.parse(entry.message())) {
                            case StreamMessage.Rejected rejection ->
                                    reject(lineNumber, line, rejection.reason(), rejection.detail(), Optional.empty());
                            case MarketMessage message -> {
                                messages[message.kind().ordinal()]++;
                                metrics.messageRead(message.kind());
                                route(lineNumber, line, message, at);
                            }
                        }
                    }
                }
                return true;
            }

            @Override
            public boolean tooLong(long lineNumber, String start, long length) throws InterruptedException {
                linesRead++;
                rejectTooLong(lineNumber, start, length, Optional.empty());
                return true;
            }

            private void route(long lineNumber, String line, MarketMessage message, Instant at)
                    throws InterruptedException {
                switch (message) {
                    case StreamMessage.Kline kline -> {
                        stage.seriesAlive(kline.series(), at);
                        if (kline.closed()) {
                            candle(lineNumber, line, kline.toCandle(), at, List.of(), Duration.ZERO);
                        }
                    }
                    case StreamMessage.Trade trade -> stage.trade(trade.symbol(), trade.tradeTime(), trade.price());
                    case StreamMessage.AggTrade trade -> stage.trade(trade.symbol(), trade.tradeTime(), trade.price());
                    // Parsed, so checked, and counted; ingest keeps no order book (yet).
                    case StreamMessage.BookTicker ignored -> {
                    }
                    case StreamMessage.DepthUpdate ignored -> {
                    }
                    case StreamMessage.DepthSnapshot ignored -> {
                    }
                }
            }

            /** Waits the local time since the previous line divided by the speed, once it adds up to 1 ms. */
            private void pace(long nanos) throws InterruptedException {
                if (batched) {
                    return;
                }
                if (previousNanos != Long.MIN_VALUE && nanos > previousNanos) {
                    owedNanos += (nanos - previousNanos) / run.speed();
                }
                previousNanos = Math.max(previousNanos, nanos);
                if (owedNanos >= MIN_PAUSE_NANOS) {
                    Duration pause = Duration.ofNanos(owedNanos);
                    owedNanos = 0;
                    pacer.pause(pause);
                }
            }
        }

        /**
         * A candle read at {@code receivedAt}; {@code seriesIncidents} were found just before it. A paced replay
         * waits {@code pauseBefore} before publishing it unless it is the first.
         */
        private void candle(long lineNumber, String line, Candle candle, Instant receivedAt,
                            List<QualityIncident> seriesIncidents, Duration pauseBefore) throws InterruptedException {
            QualityCheck check = stage.candle(candle, receivedAt);
            Optional<QualityViolation> refusal = check.refusal();
            if (refusal.isPresent()) {
                standalone(seriesIncidents);
                reject(lineNumber, line, RejectionReason.valueOf(refusal.get().rule().name()), refusal.get().evidence(),
                        Optional.of(candle.series()));
            } else {
                accept(candle, check, seriesIncidents, pauseBefore);
            }
        }

        private void accept(Candle candle, QualityCheck check, List<QualityIncident> seriesIncidents,
                            Duration pauseBefore) throws InterruptedException {
            NewCandle offered = new NewCandle(candle, check.flagNames(), run.source(), ids.next(), clock.instant());
            if (batched) {
                hold(new PendingCandle(offered, check, seriesIncidents));
                return;
            }
            // Stored before pausing, so that a candle an earlier run already published costs no wait.
            UUID publication = ids.next();
            StoredCandle stored = candles.storeIfAbsent(offered, publication);
            if (stored.publishedAt().isPresent()) {
                skipped++;
                return;
            }
            if (sender.published > 0 && pauseBefore.isPositive()) {
                saveProgress();
                pacer.pause(pauseBefore);
            }
            Outgoing outgoing = new Outgoing();
            outgoing.publication = publication;
            outgoing.candle(stored, check, seriesIncidents);
            sender.send(outgoing);
        }

        /** Only the line's start is kept, and no parser sees it: its content cannot be trusted to be a record. */
        private void rejectTooLong(long lineNumber, String start, long length, Optional<Series> series)
                throws InterruptedException {
            reject(lineNumber, NewRejection.prefix(start, NewRejection.MAX_RAW_LINE), RejectionReason.LINE_TOO_LONG,
                    "a line of " + length + " characters, longer than peregrine.ingest.replay.max-line-length allows; "
                            + "only its first " + Math.min(start.length(), NewRejection.MAX_RAW_LINE) + " are kept",
                    series);
        }

        private void reject(long lineNumber, String line, RejectionReason reason, String fullDetail,
                            Optional<Series> series) throws InterruptedException {
            // A detail may quote the line (a field that is not a number): it is cut like the line.
            String detail = NewRejection.prefix(fullDetail, NewRejection.MAX_DETAIL);
            rejected++;
            log.warn("Rejected line {} of {}: {}: {}", lineNumber, run.source(), reason, detail);
            metrics.lineRejected(reason);
            String rawLine = NewRejection.prefix(line, NewRejection.MAX_RAW_LINE);
            // Kline files keep the id kind they always had, so rejections stored by earlier runs are found again.
            String kind = run.format() == ReplayFormat.WS_CAPTURE ? "capture-rejection" : "kline-rejection";
            UUID rejectionId = DerivedIds.from(kind, run.source(), lineNumber, line);
            StoredRejection stored = rejections.recordIfAbsent(new NewRejection(rejectionId, run.id(), run.source(),
                    series, lineNumber, reason.name(), detail, rawLine, ids.next(), clock.instant()));
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
                    series.get().symbol(), series.get().interval(), rule.name(), rule.severity(), run.source(),
                    "line " + lineNumber + ": " + reason + ": " + detail + "; line was: " + rawLine);
            if (batched) {
                hold(new PendingRejection(rejectionId, incident));
                return;
            }
            Outgoing outgoing = new Outgoing();
            outgoing.rejection(rejectionId, incident);
            sender.send(outgoing);
        }

        /** Incidents about a series rather than a line's candle. */
        private void standalone(List<QualityIncident> incidents) throws InterruptedException {
            if (incidents.isEmpty()) {
                return;
            }
            if (batched) {
                for (QualityIncident incident : incidents) {
                    hold(new PendingIncident(incident));
                }
                return;
            }
            Outgoing outgoing = new Outgoing();
            incidents.forEach(outgoing::incident);
            sender.send(outgoing);
        }

        private void hold(Pending line) throws InterruptedException {
            pending.add(line);
            if (pending.size() >= batchSize) {
                publishPending();
            }
        }

        /** Hands the pending batch to the storing thread, waiting if it is too far behind. */
        private void publishPending() throws InterruptedException {
            if (pending.isEmpty()) {
                return;
            }
            // Nothing more is stored once a batch failed: the replay stops.
            lane.throwIfFailed();
            List<Pending> batch = List.copyOf(pending);
            pending.clear();
            storeLane.submit(() -> storeAndHandOver(batch));
        }

        /**
         * On the storing thread: stores the batch's candles for a publication of their own and hands what is to be
         * published to the publishing thread, waiting if it is too far behind.
         */
        private void storeAndHandOver(List<Pending> batch) {
            lane.throwIfFailed();
            List<NewCandle> offered = new ArrayList<>(batch.size());
            for (Pending line : batch) {
                if (line instanceof PendingCandle candle) {
                    offered.add(candle.offered());
                }
            }
            UUID publication = ids.next();
            List<StoredCandle> stored = offered.isEmpty() ? List.of() : candles.storeAllIfAbsent(offered, publication);
            if (stored.size() != offered.size()) {
                throw new IllegalStateException("the candle store returned " + stored.size() + " rows for "
                        + offered.size() + " candles");
            }
            Iterator<StoredCandle> storedInOrder = stored.iterator();
            Outgoing outgoing = new Outgoing();
            outgoing.publication = publication;
            for (Pending line : batch) {
                switch (line) {
                    case PendingCandle candle -> {
                        StoredCandle row = storedInOrder.next();
                        if (row.publishedAt().isPresent()) {
                            skipped++;
                        } else {
                            outgoing.candle(row, candle.check(), candle.seriesIncidents());
                        }
                    }
                    case PendingRejection rejection -> outgoing.rejection(rejection.rejectionId(), rejection.incident());
                    case PendingIncident incident -> outgoing.incident(incident.incident());
                }
            }
            if (outgoing.isEmpty()) {
                return;
            }
            try {
                lane.submit(() -> sender.send(outgoing));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing a stored batch to the publishing thread", e);
            }
        }

        /** The lines read before the file broke off are sound, and a paced replay would have published them. */
        private void publishPendingBeforeFailing(Exception cause) {
            try {
                publishPending();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cause.addSuppressed(e);
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }

        private void saveProgress() {
            ReplayRun progress = run.withCounts(counts());
            runs.update(progress);
            control.update(progress);
        }

        private ReplayCounts counts() {
            Map<MessageKind, Long> byKind = new EnumMap<>(MessageKind.class);
            for (MessageKind kind : MessageKind.values()) {
                if (messages[kind.ordinal()] > 0) {
                    byKind.put(kind, messages[kind.ordinal()]);
                }
            }
            return new ReplayCounts(linesRead, sender.published, skipped, rejected, byKind);
        }

        private ReplayRun stopped(Exception cause) {
            // Clear the interrupt so that the final writes are not refused; restored afterwards.
            boolean interrupted = Thread.interrupted();
            try {
                // Both, whatever the first says: a lane left running would go on storing or publishing.
                boolean storingEnded = storeLane == null || storeLane.abort();
                boolean laneEnded = lane == null || lane.abort();
                if (storingEnded && laneEnded) {
                    tryMarkPublished();
                }
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
            if (drainLane(cause)) {
                tryMarkPublished();
            }
            return finish(run.failed(counts(), clock.instant(), reason));
        }

        /**
         * Lets the storing and publishing threads finish the batches handed to them (read and judged, so storing and
         * publishing them now saves a later replay the work); true once both have ended, so that the publishing
         * thread's leftovers may be looked at.
         */
        private boolean drainLane(Exception cause) {
            if (lane == null) {
                return true;
            }
            return drain(storeLane, cause) & drain(lane, cause);
        }

        private static boolean drain(BatchLane lane, Exception cause) {
            try {
                lane.finish();
                return true;
            } catch (RuntimeException e) {
                if (e != cause) {
                    cause.addSuppressed(e);
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lane.abort();
            }
        }

        private ReplayRun finish(ReplayRun finished) {
            control.update(finished);
            saveFinal(finished);
            return finished;
        }

        /** Only once the publishing thread has ended: the sender's lists are its own while it runs. */
        private void tryMarkPublished() {
            try {
                sender.completeInFlight();
            } catch (RuntimeException e) {
                log.warn("The last batch sent by run {} was not acknowledged; a later replay publishes it again under "
                        + "the same event ids", run.id(), e);
            }
            try {
                sender.markPublished();
            } catch (RuntimeException e) {
                log.warn("Could not mark {} publications of candles and {} published incidents of run {}; a later "
                        + "replay publishes them again under the same event ids", sender.unmarkedPublications.size(),
                        sender.unmarkedRejections.size(), run.id(), e);
            }
        }

        private void saveFinal(ReplayRun finished) {
            try {
                runs.update(finished);
            } catch (RuntimeException e) {
                log.error("Could not save the final status {} of replay run {}", finished.status(), run.id(), e);
            }
        }

        /**
         * Publishes, counts once acknowledged, then marks published: a failure leaves the events to publish again.
         * Used by one thread at a time: the replay thread when paced, the publishing thread at speed 0 (and the
         * replay thread again once that one has ended). At speed 0 a batch is sent without waiting and acknowledged
         * after the next one was sent, so that the broker's round trip overlaps the encoding of the next batch.
         */
        private final class Sender {

            /** Publications the broker acknowledged and that are not marked yet. */
            private final List<UUID> unmarkedPublications = new ArrayList<>();
            private final List<UUID> unmarkedRejections = new ArrayList<>();
            /** Candles acknowledged; read by the replay thread for its progress. */
            private volatile long published;
            /** At speed 0, the batch sent last and not acknowledged yet; null when none. */
            private InFlight inFlight;

            void send(Outgoing outgoing) {
                // Stamped here, just before sending: a batch's processing time is when it goes to the broker.
                Instant now = clock.instant();
                List<CandleClosed> closed = new ArrayList<>(outgoing.candleCount);
                List<QualityIncident> incidents = new ArrayList<>();
                List<UUID> rejectionIds = new ArrayList<>();
                for (Item item : outgoing.items) {
                    switch (item) {
                        case CandleItem candle -> {
                            CandleClosed event = CandleEvents.closed(candle.stored(), now);
                            closed.add(event);
                            incidents.addAll(candle.seriesIncidents());
                            incidents.addAll(stage.incidentsOf(event, candle.check()));
                        }
                        case IncidentItem incident -> {
                            incidents.add(incident.incident());
                            if (incident.rejectionId() != null) {
                                rejectionIds.add(incident.rejectionId());
                            }
                        }
                    }
                }
                Sent sent = new Sent(closed, incidents, rejectionIds, outgoing.publication);
                if (!batched) {
                    publisher.publishAll(closed, incidents);
                    acknowledged(sent);
                    return;
                }
                InFlight previous = inFlight;
                inFlight = new InFlight(sent, publisher.send(closed, incidents));
                if (previous != null) {
                    try {
                        previous.acknowledgement().await();
                    } catch (RuntimeException e) {
                        // The batch just sent is not marked either, even if the broker takes it: a later replay
                        // publishes both again, in order.
                        inFlight = null;
                        throw e;
                    }
                    acknowledged(previous.batch());
                }
            }

            /** Waits for the batch still in flight, if any, and marks it: the end of a speed-0 replay. */
            void completeInFlight() {
                InFlight last = inFlight;
                if (last == null) {
                    return;
                }
                inFlight = null;
                last.acknowledgement().await();
                acknowledged(last.batch());
            }

            private void acknowledged(Sent sent) {
                Instant acknowledged = clock.instant();
                for (CandleClosed candle : sent.candles()) {
                    metrics.candlePublished(new Series(candle.symbol(), candle.interval()),
                            Duration.between(candle.closeTime(), acknowledged));
                }
                if (!sent.candles().isEmpty()) {
                    unmarkedPublications.add(sent.publication());
                }
                for (QualityIncident incident : sent.incidents()) {
                    metrics.incidentReported(incident.rule());
                }
                unmarkedRejections.addAll(sent.rejectionIds());
                published += sent.candles().size();
                markPublished();
            }

            void markPublished() {
                Instant now = clock.instant();
                while (!unmarkedPublications.isEmpty()) {
                    candles.markPublished(unmarkedPublications.getFirst(), now);
                    unmarkedPublications.removeFirst();
                }
                if (!unmarkedRejections.isEmpty()) {
                    rejections.markPublished(List.copyOf(unmarkedRejections), now);
                    unmarkedRejections.clear();
                }
            }
        }
    }

    /** What one line of a batch publishes, in line order; the events themselves are built when it is sent. */
    private sealed interface Item {
    }

    /** A stored candle not published yet, with what its line found about its series. */
    private record CandleItem(StoredCandle stored, QualityCheck check, List<QualityIncident> seriesIncidents)
            implements Item {
    }

    /** @param rejectionId the rejected line the incident reports, marked published with it; null for none */
    private record IncidentItem(QualityIncident incident, UUID rejectionId) implements Item {
    }

    /** A batch's events as sent, with what is marked published once the broker acknowledged them. */
    private record Sent(List<CandleClosed> candles, List<QualityIncident> incidents, List<UUID> rejectionIds,
                        UUID publication) {
    }

    /** At speed 0, a batch sent and not acknowledged yet. */
    private record InFlight(Sent batch, MarketEventPublisher.Acknowledgement acknowledgement) {
    }

    /** Events published together and marked published together once the broker acknowledged them all. */
    private static final class Outgoing {

        private final List<Item> items = new ArrayList<>();
        private int candleCount;
        /** The publication its candles were stored for; null when it has none. */
        private UUID publication;

        void candle(StoredCandle stored, QualityCheck check, List<QualityIncident> seriesIncidents) {
            items.add(new CandleItem(stored, check, seriesIncidents));
            candleCount++;
        }

        void rejection(UUID rejectionId, QualityIncident incident) {
            items.add(new IncidentItem(incident, rejectionId));
        }

        void incident(QualityIncident incident) {
            items.add(new IncidentItem(incident, null));
        }

        boolean isEmpty() {
            return items.isEmpty();
        }
    }
}
