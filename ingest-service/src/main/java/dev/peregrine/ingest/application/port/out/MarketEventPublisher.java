package dev.peregrine.ingest.application.port.out;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.QualityIncident;
import java.util.List;

/** Publishes ingest's events and returns once the broker acknowledged them; throws if it did not. */
public interface MarketEventPublisher {

    /**
     * Publishes the candles, then the incidents, each in list order, and returns once the broker acknowledged
     * all of them: one wait per kind of event instead of one per event. If it throws, any of them may or may not
     * have reached the broker, so the caller must publish them all again under the same event ids.
     */
    void publishAll(List<CandleClosed> candles, List<QualityIncident> incidents);

    /**
     * {@link #publishAll}, returning as soon as the events are on their way when there are only candles: the
     * returned acknowledgement waits for the broker, so that a caller can prepare its next batch meanwhile.
     * Incidents still follow their candles' acknowledgement. A publisher that cannot send without waiting publishes
     * and returns an acknowledgement already given.
     */
    default Acknowledgement send(List<CandleClosed> candles, List<QualityIncident> incidents) {
        publishAll(candles, incidents);
        return () -> {};
    }

    /** The broker's acknowledgement of what {@link #send} sent. */
    interface Acknowledgement {

        /** Returns once the broker acknowledged all of it; throws as {@link #publishAll} would otherwise. */
        void await();
    }
}
