package dev.peregrine.ingest.application;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.FeedLoop;
import dev.peregrine.ingest.application.port.out.FeedMetrics;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.NewRejection;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.StoredRejection;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.live.BackfillRange;
import dev.peregrine.ingest.domain.live.BackfillReason;
import dev.peregrine.ingest.domain.live.CandleArrival;
import dev.peregrine.ingest.domain.live.ConnectionEvent;
import dev.peregrine.ingest.domain.live.ConnectionEventType;
import dev.peregrine.ingest.domain.live.SeriesGate;
import dev.peregrine.ingest.domain.quality.QualityCheck;
import dev.peregrine.ingest.domain.quality.QualityRule;
import dev.peregrine.ingest.domain.quality.QualityViolation;
import dev.peregrine.ingest.domain.stream.BinanceStreamParser;
import dev.peregrine.ingest.domain.stream.MarketMessage;
import dev.peregrine.ingest.domain.stream.StreamMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the live feed does with its messages and backfills, on the feed's single thread: every message goes through
 * the same parser and quality stage as the replays; a closed kline (x: true) and every backfilled kline pass the
 * series' {@link SeriesGate}, which puts them in open-time order once each; then the quality stage judges them and
 * they are stored, published as {@code CandleClosed} and marked published, the same way a replay does
 * ({@link CandleEvents}). Messages that cannot be read and candles the stage refuses are stored in
 * {@code ingest.rejections} (run id: this process's session), counted and, when they name a series, reported as
 * incidents.
 *
 * <p>Events wait in an outbox until the broker acknowledged them: a publish that fails is tried again at the next
 * heartbeat, before anything newer, under the same event ids, so a series' candles still reach the topic in order.
 */
public final class LivePipeline {

    private static final Logger log = LoggerFactory.getLogger(LivePipeline.class);
    /** The quality stage's source: named in the incidents about a series (STALE_STREAM). */
    public static final String SOURCE = "binance";

    private final QualityStage stage;
    private final BackfillService backfill;
    private final Executor restWorker;
    private final FeedLoop loop;
    private final CandleStore candles;
    private final RejectionStore rejections;
    private final MarketEventPublisher publisher;
    private final ConnectionAudit audit;
    private final IngestMetrics metrics;
    private final FeedMetrics feedMetrics;
    private final Clock clock;
    private final IdGenerator ids;
    private final int backfillDepth;
    private final BinanceStreamParser parser = new BinanceStreamParser();
    private final Map<Series, SeriesGate> gates = new HashMap<>();
    private final LiveOutbox outbox;
    /** The run id of this process's live rejections. */
    private final UUID session;

    private long messageNumber;
    private long rejectionNumber;

    /** @param backfillDepth candles of a series' history read when it has none stored yet */
    public LivePipeline(
            QualityStages quality,
            BackfillService backfill,
            Executor restWorker,
            FeedLoop loop,
            CandleStore candles,
            RejectionStore rejections,
            MarketEventPublisher publisher,
            ConnectionAudit audit,
            IngestMetrics metrics,
            FeedMetrics feedMetrics,
            Clock clock,
            IdGenerator ids,
            int backfillDepth) {
        this.stage = Objects.requireNonNull(quality, "quality").open(SOURCE);
        this.backfill = Objects.requireNonNull(backfill, "backfill");
        this.restWorker = Objects.requireNonNull(restWorker, "restWorker");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.candles = Objects.requireNonNull(candles, "candles");
        this.rejections = Objects.requireNonNull(rejections, "rejections");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.feedMetrics = Objects.requireNonNull(feedMetrics, "feedMetrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        if (backfillDepth < 0) {
            throw new IllegalArgumentException("backfillDepth cannot be negative: " + backfillDepth);
        }
        this.backfillDepth = backfillDepth;
        this.session = ids.next();
        this.outbox = new LiveOutbox(stage, candles, rejections, publisher, metrics, feedMetrics, clock, ids);
    }

    /** The run id under which this process stores its live rejections. */
    public UUID session() {
        return session;
    }

    /** One text frame of a stream connection. */
    public void message(String text) {
        messageNumber++;
        Instant receivedAt = clock.instant();
        switch (parser.parse(text)) {
            case StreamMessage.Rejected rejected -> {
                feedMetrics.parseFailure(rejected.reason());
                reject(
                        text,
                        rejected.reason(),
                        rejected.detail(),
                        Optional.empty(),
                        CandleArrival.Origin.STREAM.source());
            }
            case MarketMessage message -> {
                metrics.messageRead(message.kind());
                route(message, text, receivedAt);
            }
        }
    }

    private void route(MarketMessage message, String text, Instant receivedAt) {
        switch (message) {
            case StreamMessage.Kline kline -> {
                stage.seriesAlive(kline.series(), receivedAt);
                if (kline.closed()) {
                    closedKline(CandleArrival.streamed(kline.toCandle(), kline.eventTime()), text);
                }
            }
            case StreamMessage.AggTrade trade -> stage.trade(trade.symbol(), trade.tradeTime(), trade.price());
            case StreamMessage.Trade trade -> stage.trade(trade.symbol(), trade.tradeTime(), trade.price());
            // Parsed, so checked, and counted; ingest keeps no order book.
            case StreamMessage.BookTicker ignored -> {}
            case StreamMessage.DepthUpdate ignored -> {}
            case StreamMessage.DepthSnapshot ignored -> {}
        }
    }

    private void closedKline(CandleArrival arrival, String text) {
        SeriesGate gate = gate(arrival.candle().series());
        switch (gate.offerLive(arrival)) {
            case SeriesGate.Release release -> judge(List.of(release.arrival()), Optional.of(text));
            case SeriesGate.Held held -> {}
            case SeriesGate.Gap gap -> submit(gate, gap.range(), BackfillReason.GAP);
        }
    }

    /**
     * Backfills the series (their connection opened): each from its last published candle, or its latest
     * {@code backfillDepth} candles when it has none; their live closed klines are held meanwhile.
     */
    public void backfill(Collection<Series> series, BackfillReason reason) {
        for (Series one : series) {
            SeriesGate gate = gate(one);
            gate.beginBackfill(backfillDepth).ifPresent(range -> submit(gate, range, reason));
        }
    }

    /** The symbols' trades stopped for a while (their connection dropped). */
    public void tradesInterrupted(Collection<Symbol> symbols) {
        symbols.forEach(stage::tradesInterrupted);
    }

    /** Periodically: STALE_STREAM against the clock, and another try at events the broker did not acknowledge. */
    public void heartbeat() {
        outbox.incidents(stage.heartbeat());
        outbox.flush();
    }

    private SeriesGate gate(Series series) {
        SeriesGate gate = gates.get(series);
        if (gate == null) {
            gate = new SeriesGate(series, candles.latestPublishedOpenTime(series));
            gates.put(series, gate);
        }
        return gate;
    }

    private void submit(SeriesGate gate, BackfillRange range, BackfillReason reason) {
        Series series = gate.series();
        audit.record(
                ConnectionEventType.BACKFILL_REQUESTED,
                ConnectionEvent.REST,
                series,
                range.from(),
                range.to(),
                OptionalInt.empty(),
                reason + ": " + range);
        try {
            restWorker.execute(() -> {
                List<Candle> fetched;
                try {
                    fetched = backfill.fetch(series, range);
                } catch (RuntimeException e) {
                    loop.execute(() -> backfillFailed(gate, reason, e));
                    return;
                }
                loop.execute(() -> backfilled(gate, reason, fetched));
            });
        } catch (RejectedExecutionException e) {
            backfillFailed(gate, reason, e);
        }
    }

    private void backfilled(SeriesGate gate, BackfillReason reason, List<Candle> fetched) {
        audit.record(
                ConnectionEventType.BACKFILL_RECEIVED,
                ConnectionEvent.REST,
                gate.series(),
                fetched.isEmpty()
                        ? Optional.empty()
                        : Optional.of(fetched.getFirst().openTime()),
                fetched.isEmpty()
                        ? Optional.empty()
                        : Optional.of(fetched.getLast().openTime()),
                OptionalInt.of(fetched.size()),
                reason + ": " + fetched.size() + " closed kline(s)");
        List<CandleArrival> arrivals =
                fetched.stream().map(CandleArrival::backfilled).toList();
        release(gate, gate.completeBackfill(arrivals));
    }

    private void backfillFailed(SeriesGate gate, BackfillReason reason, Exception e) {
        audit.record(
                ConnectionEventType.BACKFILL_FAILED,
                ConnectionEvent.REST,
                gate.series(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                reason + ": " + e.getMessage() + "; " + gate.heldCount()
                        + " held live candle(s) go on, a hole before them is flagged GAP");
        release(gate, gate.failBackfill());
    }

    private void release(SeriesGate gate, SeriesGate.Completion completion) {
        judge(completion.release(), Optional.empty());
        if (completion.again()) {
            gate.beginBackfill(backfillDepth).ifPresent(range -> submit(gate, range, BackfillReason.REPEAT));
        }
    }

    /** Judges candles in the order given and sends the accepted ones to the outbox. */
    private void judge(List<CandleArrival> arrivals, Optional<String> text) {
        if (arrivals.isEmpty()) {
            return;
        }
        for (CandleArrival arrival : arrivals) {
            Candle candle = arrival.candle();
            QualityCheck check = stage.candle(candle, clock.instant());
            Optional<QualityViolation> refusal = check.refusal();
            if (refusal.isPresent()) {
                reject(
                        text.orElseGet(() -> describe(arrival)),
                        RejectionReason.valueOf(refusal.get().rule().name()),
                        refusal.get().evidence(),
                        Optional.of(candle.series()),
                        arrival.origin().source());
                continue;
            }
            outbox.candle(
                    new NewCandle(candle, check.flagNames(), arrival.origin().source(), ids.next(), clock.instant()),
                    check,
                    arrival);
        }
        outbox.flush();
    }

    private void reject(String raw, RejectionReason reason, String detail, Optional<Series> series, String source) {
        metrics.lineRejected(reason);
        rejectionNumber++;
        log.warn("Rejected live message {} from {}: {}: {}", messageNumber, source, reason, detail);
        String rawLine = NewRejection.prefix(raw, NewRejection.MAX_RAW_LINE);
        UUID rejectionId = DerivedIds.from("live-rejection", session, rejectionNumber);
        StoredRejection stored = rejections.recordIfAbsent(new NewRejection(
                rejectionId,
                session,
                source,
                series,
                messageNumber,
                reason.name(),
                NewRejection.prefix(detail, NewRejection.MAX_DETAIL),
                rawLine,
                ids.next(),
                clock.instant()));
        QualityRule rule = QualityRule.forRejection(reason);
        if (!stage.reports(rule)) {
            return;
        }
        if (series.isEmpty()) {
            // A QualityIncident names a symbol and an interval; this one stays in ingest.rejections and the counters.
            metrics.incidentReported(rule.name());
            return;
        }
        outbox.rejectionIncident(
                rejectionId,
                new QualityIncident(
                        Envelope.root(stored.eventId(), stored.rejectedAt(), clock.instant()),
                        series.get().symbol(),
                        series.get().interval(),
                        rule.name(),
                        rule.severity(),
                        source,
                        "message " + messageNumber + ": " + reason + ": " + detail + "; message was: " + rawLine));
        outbox.flush();
    }

    private static String describe(CandleArrival arrival) {
        Candle c = arrival.candle();
        return arrival.origin().source() + " " + c.series() + " kline open " + c.openTime() + " close " + c.closeTime()
                + " o " + c.open().toPlainString() + " h " + c.high().toPlainString() + " l "
                + c.low().toPlainString()
                + " c " + c.close().toPlainString() + " v " + c.volume().toPlainString();
    }
}
