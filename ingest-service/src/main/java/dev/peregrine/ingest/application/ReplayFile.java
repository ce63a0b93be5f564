package dev.peregrine.ingest.application;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.KlineSource;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.ingest.application.port.out.Pacer;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.ReplayRunStore;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayRun;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Replays one file, a kline CSV file or a raw WebSocket capture, through the same pipeline: every record is
 * parsed, passed through the run's {@link QualityStage}, and each candle that is not refused is stored, published
 * as {@code CandleClosed} with its quality flags and then marked published. Lines that cannot be read are stored,
 * counted and reported as quality incidents, and the replay goes on. This class puts a run's parts together:
 *
 * <ul>
 *   <li>the format's reader: {@link KlineCsvLineReader} (each line a candle, judged at its close time) or
 *   {@link CaptureLineReader} (each line a message for {@code BinanceStreamParser}, the live parser, judged at the
 *   line's local time);</li>
 *   <li>the judging step, {@link ReplayJudge}: the quality stage, and the rejections;</li>
 *   <li>the mode: {@link PacedReplay} at N x real time, candle by candle on the replay thread, or at speed 0
 *   {@link BatchedReplay}, batches of up to {@code batchSize} lines stored and published on two more threads, because
 *   waiting for the broker's acknowledgement of each candle would take most of the replay's time;</li>
 *   <li>{@link ReplaySender}, which publishes and marks published, and {@link ReplayExecution}, the run from the
 *   file's first line to its final status.</li>
 * </ul>
 *
 * <p>Re-reading a file is safe: a candle already stored and published is skipped, one stored but not
 * published (the service stopped in between) is published under its stored event id. A batch that failed
 * part-way, or whose published marks could not be written, is published again in full under the same event
 * ids, which consumers recognise as duplicates; so are a capture's STALE_STREAM incidents, whose ids derive from
 * the series and the silence.
 */
public final class ReplayFile {

    static final int PROGRESS_EVERY_LINES = 500;
    /** As ingest-service.yml: with batches of 250, four keep both threads busy (docs/performance.md), little memory. */
    public static final int DEFAULT_BATCHES_IN_FLIGHT = 4;

    private final KlineSource source;
    private final CandleStore candles;
    private final RejectionStore rejections;
    private final ReplayRunStore runs;
    private final MarketEventPublisher publisher;
    private final IngestMetrics metrics;
    private final Pacer pacer;
    private final QualityStages quality;
    private final Clock clock;
    private final IdGenerator ids;
    private final int batchSize;
    private final int batchesInFlight;
    private final Executor pipeline;

    /**
     * @param batchSize         most lines stored and published together at speed 0; at least 1
     * @param batchesInFlight   at speed 0, most batches stored and handed to the publishing thread but not yet
     *                          acknowledged and marked; at least 1
     * @param pipeline          runs each speed-0 run's storing and publishing as two tasks that last the whole run,
     *                          at the same time: at least two threads; owned by the caller
     */
    public ReplayFile(
            KlineSource source,
            CandleStore candles,
            RejectionStore rejections,
            ReplayRunStore runs,
            MarketEventPublisher publisher,
            IngestMetrics metrics,
            Pacer pacer,
            QualityStages quality,
            Clock clock,
            IdGenerator ids,
            int batchSize,
            int batchesInFlight,
            Executor pipeline) {
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

    /** Replays an inserted RUNNING run to its end and returns it finished; never throws. */
    public ReplayRun replay(ReplayRun run) {
        return replay(new ReplayControl(run));
    }

    ReplayRun replay(ReplayControl control) {
        ReplayRun run = control.current();
        QualityStage stage = quality.open(run.source());
        ReplayTally tally = new ReplayTally();
        boolean batched = run.speed() == 0;
        ReplaySender sender = new ReplaySender(batched, stage, publisher, candles, rejections, metrics, clock, tally);
        ReplayExecution execution = new ReplayExecution(control, source, runs, stage, tally, clock);
        ReplayOutput output = batched
                ? new BatchedReplay(candles, ids, sender, tally, batchSize, batchesInFlight, pipeline, control)
                : new PacedReplay(candles, ids, pacer, sender, tally, execution::saveProgress);
        ReplayJudge judge = new ReplayJudge(run, stage, output, rejections, metrics, ids, clock, tally);
        ReplayLineReader reader = run.format() == ReplayFormat.WS_CAPTURE
                ? new CaptureLineReader(run, stage, judge, metrics, pacer, tally)
                : new KlineCsvLineReader(run, stage, judge, tally);
        ReplayRun finished = execution.run(reader, output);
        control.update(finished);
        return finished;
    }
}
