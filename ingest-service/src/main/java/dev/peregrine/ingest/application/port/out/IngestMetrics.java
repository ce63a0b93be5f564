package dev.peregrine.ingest.application.port.out;

import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.Series;

import java.time.Duration;

/** What ingest counts. */
public interface IngestMetrics {

    /** A candle was published; {@code lag} runs from its close time to the broker's acknowledgement. */
    void candlePublished(Series series, Duration lag);

    void lineRejected(RejectionReason reason);

    void incidentPublished(String rule);
}
