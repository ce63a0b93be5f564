package dev.peregrine.ingest.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.FeedMetrics;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.domain.live.CandleArrival;
import dev.peregrine.ingest.domain.quality.QualityCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live feed's events not acknowledged yet, in the order they must reach the broker: candles the quality stage
 * accepted and incidents. A flush stores the candles, publishes them with the incidents and marks both published;
 * when the publish fails everything stays for the next flush, under the same event ids, so a series' candles still
 * reach the topic in order. Apart from {@link LivePipeline}, which decides what goes in (gating, judging,
 * rejecting), because delivery and its retry are a job of their own. Used on the feed's single thread only.
 */
final class LiveOutbox {

    private static final Logger log = LoggerFactory.getLogger(LiveOutbox.class);

    private final QualityStage stage;
    private final CandleStore candleStore;
    private final RejectionStore rejections;
    private final MarketEventPublisher publisher;
    private final IngestMetrics metrics;
    private final FeedMetrics feedMetrics;
    private final Clock clock;
    private final IdGenerator ids;

    private final List<PendingCandle> candles = new ArrayList<>();
    private final List<QualityIncident> incidents = new ArrayList<>();
    private final List<UUID> rejectionIds = new ArrayList<>();

    LiveOutbox(
            QualityStage stage,
            CandleStore candleStore,
            RejectionStore rejections,
            MarketEventPublisher publisher,
            IngestMetrics metrics,
            FeedMetrics feedMetrics,
            Clock clock,
            IdGenerator ids) {
        this.stage = stage;
        this.candleStore = candleStore;
        this.rejections = rejections;
        this.publisher = publisher;
        this.metrics = metrics;
        this.feedMetrics = feedMetrics;
        this.clock = clock;
        this.ids = ids;
    }

    /** A candle the stage accepted, to be stored and published. */
    void candle(NewCandle offered, QualityCheck check, CandleArrival arrival) {
        candles.add(new PendingCandle(offered, check, arrival));
    }

    /** Incidents about series (STALE_STREAM and the like). */
    void incidents(List<QualityIncident> more) {
        incidents.addAll(more);
    }

    /** The incident of a stored rejection, which is marked published once the incident is. */
    void rejectionIncident(UUID rejectionId, QualityIncident incident) {
        incidents.add(incident);
        rejectionIds.add(rejectionId);
    }

    /** A candle the stage accepted, waiting for the broker. */
    private record PendingCandle(NewCandle offered, QualityCheck check, CandleArrival arrival) {}

    /** Sends what waits; on failure keeps it for the next call. */
    void flush() {
        if (candles.isEmpty() && incidents.isEmpty()) {
            return;
        }
        try {
            send();
        } catch (RuntimeException e) {
            log.warn(
                    "Could not publish {} live candle(s) and {} incident(s); trying again at the next heartbeat "
                            + "under the same event ids: {}",
                    candles.size(),
                    incidents.size(),
                    e.getMessage(),
                    e);
        }
    }

    private void send() {
        UUID publication = ids.next();
        List<StoredCandle> stored = candles.isEmpty()
                ? List.of()
                : candleStore.storeAllIfAbsent(
                        candles.stream().map(PendingCandle::offered).toList(), publication);
        if (stored.size() != candles.size()) {
            throw new IllegalStateException(
                    "the candle store returned " + stored.size() + " rows for " + candles.size() + " candles");
        }
        Instant now = clock.instant();
        List<CandleClosed> closed = new ArrayList<>();
        List<CandleArrival> origins = new ArrayList<>();
        List<QualityIncident> outgoing = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            StoredCandle row = stored.get(i);
            if (row.publishedAt().isPresent()) {
                continue;
            }
            CandleClosed event = CandleEvents.closed(row, now);
            closed.add(event);
            origins.add(candles.get(i).arrival());
            outgoing.addAll(stage.incidentsOf(event, candles.get(i).check()));
        }
        outgoing.addAll(incidents);
        publisher.publishAll(closed, outgoing);
        Instant acknowledged = clock.instant();
        for (int i = 0; i < closed.size(); i++) {
            CandleClosed event = closed.get(i);
            CandleArrival arrival = origins.get(i);
            feedMetrics.liveCandlePublished(
                    arrival.candle().series(),
                    arrival.origin(),
                    arrival.eventTime().map(at -> nonNegative(Duration.between(at, acknowledged))));
        }
        outgoing.forEach(incident -> metrics.incidentReported(incident.rule()));
        candles.clear();
        incidents.clear();
        List<UUID> toMark = List.copyOf(rejectionIds);
        rejectionIds.clear();
        try {
            if (!closed.isEmpty()) {
                candleStore.markPublished(publication, acknowledged);
            }
            rejections.markPublished(toMark, acknowledged);
        } catch (RuntimeException e) {
            // Published all the same: the next start's backfill publishes them again under the same event ids.
            log.warn("Could not mark {} published live candle(s) as published: {}", closed.size(), e.getMessage(), e);
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
