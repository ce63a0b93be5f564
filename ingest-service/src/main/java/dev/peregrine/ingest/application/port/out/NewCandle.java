package dev.peregrine.ingest.application.port.out;

import dev.peregrine.ingest.domain.Candle;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A candle to store, with the event id it will be published under if it is new. */
public record NewCandle(Candle candle, List<String> qualityFlags, String source, UUID eventId, Instant ingestedAt) {

    public NewCandle {
        Objects.requireNonNull(candle, "candle");
        qualityFlags = List.copyOf(Objects.requireNonNull(qualityFlags, "qualityFlags"));
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
    }
}
