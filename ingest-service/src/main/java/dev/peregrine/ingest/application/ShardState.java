package dev.peregrine.ingest.application;

import dev.peregrine.ingest.application.port.out.FeedLoop;
import dev.peregrine.ingest.domain.live.Shard;
import java.time.Instant;

/**
 * The connections of one live-feed shard and their timers: the current connection, the one it replaces during a
 * planned reconnect, and the attempts since it was last open. Only {@link ConnectionManager} changes it, on the
 * feed thread.
 */
final class ShardState {

    final Shard shard;
    FeedConnection current;
    FeedConnection retiring;
    boolean everOpen;
    int attempts;
    /** When the shard last opened, or since when it has had no open connection. */
    Instant since;

    FeedLoop.Cancellable reconnect;
    FeedLoop.Cancellable planned;

    ShardState(Shard shard, Instant since) {
        this.shard = shard;
        this.since = since;
    }

    /** Whether the shard has an open connection: its current one, or the one being replaced. */
    boolean open() {
        return current != null && current.open || retiring != null && retiring.open;
    }

    void cancelTimers() {
        if (reconnect != null) {
            reconnect.cancel();
            reconnect = null;
        }
        if (planned != null) {
            planned.cancel();
            planned = null;
        }
    }
}
