package dev.peregrine.ingest.application.port.out;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.QualityIncident;

/** Publishes ingest's events and returns once the broker acknowledged them; throws if it did not. */
public interface MarketEventPublisher {

    void publishCandle(CandleClosed candle);

    void publishIncident(QualityIncident incident);
}
