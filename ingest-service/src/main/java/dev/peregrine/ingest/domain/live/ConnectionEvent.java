package dev.peregrine.ingest.domain.live;

import dev.peregrine.ingest.domain.Series;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One entry of the feed's audit trail, so that an operator can tell why a series has a hole or a late candle.
 *
 * @param channel the connection ({@code ws-1}, ...) or {@code rest}
 * @param series  the series a backfill is about
 * @param from    first open time a backfill asked for or received
 * @param to      last open time a backfill asked for or received
 * @param candles how many candles a backfill received
 */
public record ConnectionEvent(
        UUID id,
        Instant at,
        ConnectionEventType type,
        String channel,
        Optional<Series> series,
        Optional<Instant> from,
        Optional<Instant> to,
        OptionalInt candles,
        String detail) {

    public static final String REST = "rest";

    public ConnectionEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(detail, "detail");
    }

    /** An event about a connection (or the REST channel) as a whole. */
    public static ConnectionEvent of(UUID id, Instant at, ConnectionEventType type, String channel, String detail) {
        return new ConnectionEvent(
                id,
                at,
                type,
                channel,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                detail);
    }
}
