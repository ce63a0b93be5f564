package dev.peregrine.ingest.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.quality.QualityCheck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Store, publish, mark published: how every source (a replay, paced or at speed 0; the live stream and its
 * backfills) gets its candles and incidents to the broker. Candles are stored for a publication of their own
 * ({@link #store}), published as {@code CandleClosed} under their stored event id with the incidents they caused, and
 * counted and marked published only once the broker acknowledged them; a failure leaves them to publish again under
 * the same event ids.
 *
 * <p>Used by one thread at a time: a replay's thread when paced, its publishing thread at speed 0 (and the replay
 * thread again once that one has ended), the live feed's thread. At speed 0 ({@code batched}) a batch is sent without
 * waiting and acknowledged after the next one was sent, so that the broker's round trip overlaps the encoding of the
 * next batch.
 */
final class StorePublishMark {

    private final boolean batched;
    private final QualityStage stage;
    private final MarketEventPublisher publisher;
    private final CandleStore candles;
    private final RejectionStore rejections;
    private final IngestMetrics metrics;
    private final Clock clock;
    /** Told how many candles each acknowledgement covered. */
    private final LongConsumer publishedCandles;
    /** Publications the broker acknowledged and that are not marked yet. */
    private final List<UUID> unmarkedPublications = new ArrayList<>();
    private final List<UUID> unmarkedRejections = new ArrayList<>();
    /** At speed 0, the batch sent last and not acknowledged yet; null when none. */
    private InFlight inFlight;

    /** @param batched a speed-0 replay: {@link #send} does not wait for the broker, see the class comment */
    StorePublishMark(boolean batched, QualityStage stage, MarketEventPublisher publisher, CandleStore candles,
                     RejectionStore rejections, IngestMetrics metrics, Clock clock, LongConsumer publishedCandles) {
        this.batched = batched;
        this.stage = stage;
        this.publisher = publisher;
        this.candles = candles;
        this.rejections = rejections;
        this.metrics = metrics;
        this.clock = clock;
        this.publishedCandles = publishedCandles;
    }

    /** Stores the candles, in order, for one publication; the rows come back in the same order. */
    List<StoredCandle> store(List<NewCandle> offered, UUID publication) {
        List<StoredCandle> stored = offered.isEmpty() ? List.of() : candles.storeAllIfAbsent(offered, publication);
        if (stored.size() != offered.size()) {
            throw new IllegalStateException("the candle store returned " + stored.size() + " rows for "
                    + offered.size() + " candles");
        }
        return stored;
    }

    /** Publishes, counts once acknowledged, then marks published; at speed 0 see the class comment. */
    void send(Outgoing outgoing) {
        if (!batched) {
            publish(outgoing);
            markPublished();
            return;
        }
        Sent sent = events(outgoing);
        InFlight previous = inFlight;
        inFlight = new InFlight(sent, publisher.send(sent.candles(), sent.incidents()));
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

    /**
     * Publishes and counts once acknowledged, waiting for the broker; what is to be marked is kept for
     * {@link #markPublished()}. Not at speed 0.
     */
    void publish(Outgoing outgoing) {
        Sent sent = events(outgoing);
        publisher.publishAll(sent.candles(), sent.incidents());
        counted(sent);
    }

    private Sent events(Outgoing outgoing) {
        // Stamped here, just before sending: a batch's processing time is when it goes to the broker.
        Instant now = clock.instant();
        List<CandleClosed> closed = new ArrayList<>(outgoing.candleCount);
        List<QualityIncident> incidents = new ArrayList<>();
        List<UUID> rejectionIds = new ArrayList<>();
        List<Consumer<Instant>> counts = new ArrayList<>(outgoing.candleCount);
        for (Item item : outgoing.items) {
            switch (item) {
                case CandleItem candle -> {
                    CandleClosed event = closed(candle.stored(), now);
                    closed.add(event);
                    counts.add(candle.count() != null ? candle.count() : acknowledged -> metrics.candlePublished(
                            new Series(event.symbol(), event.interval()),
                            Duration.between(event.closeTime(), acknowledged)));
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
        return new Sent(closed, incidents, rejectionIds, outgoing.publication, counts);
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
        counted(sent);
        markPublished();
    }

    private void counted(Sent sent) {
        Instant acknowledged = clock.instant();
        sent.counts().forEach(count -> count.accept(acknowledged));
        if (!sent.candles().isEmpty()) {
            unmarkedPublications.add(sent.publication());
        }
        for (QualityIncident incident : sent.incidents()) {
            metrics.incidentReported(incident.rule());
        }
        unmarkedRejections.addAll(sent.rejectionIds());
        publishedCandles.accept(sent.candles().size());
    }

    /** Marks what was acknowledged; on failure it stays to be marked by the next call. */
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

    /** Drops the marks not written: the events are published again under the same event ids later. */
    void forgetUnmarked() {
        unmarkedPublications.clear();
        unmarkedRejections.clear();
    }

    int unmarkedPublications() {
        return unmarkedPublications.size();
    }

    int unmarkedRejections() {
        return unmarkedRejections.size();
    }

    /** What one line of a batch publishes, in line order; the events themselves are built when it is sent. */
    private sealed interface Item {
    }

    /**
     * A stored candle not published yet, with what its line found about its series.
     *
     * @param count counts the candle once acknowledged, given the time; null: as a replayed candle
     */
    private record CandleItem(StoredCandle stored, QualityCheck check, List<QualityIncident> seriesIncidents,
                              Consumer<Instant> count) implements Item {
    }

    /** @param rejectionId the rejected line the incident reports, marked published with it; null for none */
    private record IncidentItem(QualityIncident incident, UUID rejectionId) implements Item {
    }

    /** A batch's events as sent, with what is marked published once the broker acknowledged them. */
    private record Sent(List<CandleClosed> candles, List<QualityIncident> incidents, List<UUID> rejectionIds,
                        UUID publication, List<Consumer<Instant>> counts) {
    }

    /** At speed 0, a batch sent and not acknowledged yet. */
    private record InFlight(Sent batch, MarketEventPublisher.Acknowledgement acknowledgement) {
    }

    /** Events published together and marked published together once the broker acknowledged them all. */
    static final class Outgoing {

        private final List<Item> items = new ArrayList<>();
        private int candleCount;
        /** The publication its candles were stored for; null when it has none. */
        private final UUID publication;

        Outgoing(UUID publication) {
            this.publication = publication;
        }

        /** A replayed candle, counted as published by the replay metrics. */
        void candle(StoredCandle stored, QualityCheck check, List<QualityIncident> seriesIncidents) {
            candle(stored, check, seriesIncidents, null);
        }

        /** A candle counted by {@code count}, given the time of the acknowledgement. */
        void candle(StoredCandle stored, QualityCheck check, List<QualityIncident> seriesIncidents,
                    Consumer<Instant> count) {
            items.add(new CandleItem(stored, check, seriesIncidents, count));
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

    /**
     * The {@code CandleClosed} of a stored candle, the same for every source: published under the stored event id,
     * which starts the correlation chain, at the candle's close time.
     */
    static CandleClosed closed(StoredCandle stored, Instant processingTime) {
        Candle c = stored.candle();
        Envelope envelope = Envelope.root(stored.eventId(), c.closeTime(), processingTime);
        return new CandleClosed(envelope, c.symbol(), c.interval(), c.openTime(), c.closeTime(),
                Price.of(c.open()), Price.of(c.high()), Price.of(c.low()), Price.of(c.close()),
                Quantity.of(c.volume()), Quantity.of(c.quoteVolume()), c.trades(),
                Quantity.of(c.takerBuyBaseVolume()), Quantity.of(c.takerBuyQuoteVolume()),
                stored.source(), stored.qualityFlags());
    }
}
