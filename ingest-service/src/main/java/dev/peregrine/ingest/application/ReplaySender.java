package dev.peregrine.ingest.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.quality.QualityCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A replay's publishing step: publishes stored candles and incidents, counts them once acknowledged, then marks them
 * published; a failure leaves the events to publish again. Used by one thread at a time: the replay thread when
 * paced, the publishing thread at speed 0 (and the replay thread again once that one has ended). At speed 0 a batch
 * is sent without waiting and acknowledged after the next one was sent, so that the broker's round trip overlaps the
 * encoding of the next batch.
 */
final class ReplaySender {

    private final boolean batched;
    private final QualityStage stage;
    private final MarketEventPublisher publisher;
    private final CandleStore candles;
    private final RejectionStore rejections;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final ReplayTally tally;
    /** Publications the broker acknowledged and that are not marked yet. */
    private final List<UUID> unmarkedPublications = new ArrayList<>();

    private final List<UUID> unmarkedRejections = new ArrayList<>();
    /** At speed 0, the batch sent last and not acknowledged yet; null when none. */
    private InFlight inFlight;

    /** @param batched speed 0: {@link #send} does not wait for the broker, see the class comment */
    ReplaySender(
            boolean batched,
            QualityStage stage,
            MarketEventPublisher publisher,
            CandleStore candles,
            RejectionStore rejections,
            IngestMetrics metrics,
            Clock clock,
            ReplayTally tally) {
        this.batched = batched;
        this.stage = stage;
        this.publisher = publisher;
        this.candles = candles;
        this.rejections = rejections;
        this.metrics = metrics;
        this.clock = clock;
        this.tally = tally;
    }

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
            metrics.candlePublished(
                    new Series(candle.symbol(), candle.interval()), Duration.between(candle.closeTime(), acknowledged));
        }
        if (!sent.candles().isEmpty()) {
            unmarkedPublications.add(sent.publication());
        }
        for (QualityIncident incident : sent.incidents()) {
            metrics.incidentReported(incident.rule());
        }
        unmarkedRejections.addAll(sent.rejectionIds());
        tally.published(sent.candles().size());
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

    int unmarkedPublications() {
        return unmarkedPublications.size();
    }

    int unmarkedRejections() {
        return unmarkedRejections.size();
    }

    /** What one line of a batch publishes, in line order; the events themselves are built when it is sent. */
    private sealed interface Item {}

    /** A stored candle not published yet, with what its line found about its series. */
    private record CandleItem(StoredCandle stored, QualityCheck check, List<QualityIncident> seriesIncidents)
            implements Item {}

    /** @param rejectionId the rejected line the incident reports, marked published with it; null for none */
    private record IncidentItem(QualityIncident incident, UUID rejectionId) implements Item {}

    /** A batch's events as sent, with what is marked published once the broker acknowledged them. */
    private record Sent(
            List<CandleClosed> candles, List<QualityIncident> incidents, List<UUID> rejectionIds, UUID publication) {}

    /** At speed 0, a batch sent and not acknowledged yet. */
    private record InFlight(Sent batch, MarketEventPublisher.Acknowledgement acknowledgement) {}

    /** Events published together and marked published together once the broker acknowledged them all. */
    static final class Outgoing {

        private final List<Item> items = new ArrayList<>();
        private int candleCount;
        /** The publication its candles were stored for; null when it has none. */
        private final UUID publication;

        Outgoing(UUID publication) {
            this.publication = publication;
        }

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
