package dev.peregrine.ingest.application;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.ingest.application.port.out.ConnectionEventStore;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.live.ConnectionEvent;
import dev.peregrine.ingest.domain.live.ConnectionEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the live feed's audit trail and logs each entry. Auditing never stops the feed: an entry that cannot be
 * stored is logged and dropped.
 */
public final class ConnectionAudit {

    private static final Logger log = LoggerFactory.getLogger(ConnectionAudit.class);

    private final ConnectionEventStore store;
    private final Clock clock;
    private final IdGenerator ids;

    public ConnectionAudit(ConnectionEventStore store, Clock clock, IdGenerator ids) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public void record(ConnectionEventType type, String channel, String detail) {
        record(ConnectionEvent.of(ids.next(), clock.instant(), type, channel, detail));
    }

    public void record(
            ConnectionEventType type,
            String channel,
            Series series,
            Optional<Instant> from,
            Optional<Instant> to,
            OptionalInt candles,
            String detail) {
        record(new ConnectionEvent(
                ids.next(), clock.instant(), type, channel, Optional.of(series), from, to, candles, detail));
    }

    private void record(ConnectionEvent event) {
        if (event.type() == ConnectionEventType.DISCONNECTED
                || event.type() == ConnectionEventType.BACKFILL_FAILED
                || event.type() == ConnectionEventType.RATE_LIMITED
                || event.type() == ConnectionEventType.BANNED) {
            log.warn(
                    "{} {}{}: {}",
                    event.type(),
                    event.channel(),
                    event.series().map(s -> " " + s).orElse(""),
                    event.detail());
        } else {
            log.info(
                    "{} {}{}: {}",
                    event.type(),
                    event.channel(),
                    event.series().map(s -> " " + s).orElse(""),
                    event.detail());
        }
        try {
            store.record(event);
        } catch (RuntimeException e) {
            log.error(
                    "Could not store the connection event {} {}: {}", event.type(), event.channel(), e.getMessage(), e);
        }
    }
}
