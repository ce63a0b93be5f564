package dev.peregrine.ingest.application;

import dev.peregrine.ingest.application.port.out.StreamConnector;
import java.time.Instant;

/**
 * One WebSocket connection of a live-feed shard, as {@link ConnectionManager} tracks it: whether it is open or has
 * ended, and what the connector's thread last saw on it (for the silence check and the bounded message queue).
 */
final class FeedConnection {

    private final long number;
    StreamConnector.StreamConnection handle;
    boolean open;
    boolean ended;
    /** When it opened; set on the feed thread. */
    Instant openedAt;
    /** When its last message arrived; written by the connector's thread as the message arrives. */
    volatile Instant lastMessageAt;
    /** Set by the connector's thread once its messages overflowed the queue: the rest are shed until it closes. */
    volatile boolean overflowed;

    FeedConnection(long number) {
        this.number = number;
    }

    String describe() {
        return "#" + number + (handle == null ? "" : " " + handle.id());
    }
}
