package dev.peregrine.ingest.application.port.out;

import dev.peregrine.common.event.InstrumentUpdated;
import java.util.List;

/** Publishes instrument events; returns once the broker acknowledged all of them, else throws. */
public interface InstrumentPublisher {

    void publishInstruments(List<InstrumentUpdated> events);
}
