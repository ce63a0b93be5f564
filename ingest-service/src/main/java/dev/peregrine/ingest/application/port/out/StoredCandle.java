package dev.peregrine.ingest.application.port.out;

import dev.peregrine.ingest.domain.Candle;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A candle as the store holds it: the stored row wins over the offered one, so a candle stored by an
 * earlier run keeps its event id.
 *
 * @param publishedAt empty while the candle has not been published (new, or an earlier run stopped in between)
 */
public record StoredCandle(
        Candle candle, List<String> qualityFlags, String source, UUID eventId, Optional<Instant> publishedAt) {

    public StoredCandle {
        Objects.requireNonNull(candle, "candle");
        qualityFlags = List.copyOf(Objects.requireNonNull(qualityFlags, "qualityFlags"));
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
