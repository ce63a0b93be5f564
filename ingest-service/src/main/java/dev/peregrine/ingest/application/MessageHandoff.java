package dev.peregrine.ingest.application;

import dev.peregrine.ingest.application.port.out.FeedLoop;
import dev.peregrine.ingest.application.port.out.FeedMetrics;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands stream messages from the connector's threads to the feed loop, with at most {@code maxQueuedMessages} of
 * every connection waiting: a message that would pass the bound marks its connection overflowed (the connection is
 * then closed and reconnected by {@link ConnectionManager}, its backfill brings what it missed) and the messages it
 * still sends are shed. Kept apart because it is the one part of the feed that runs off the feed thread.
 */
final class MessageHandoff {

    private final FeedLoop loop;
    private final FeedMetrics metrics;
    private final Clock clock;
    private final int maxQueued;
    /** Stream messages handed to the loop and not yet handled, of every connection: at most maxQueued. */
    private final AtomicInteger queued = new AtomicInteger();

    MessageHandoff(FeedLoop loop, FeedMetrics metrics, Clock clock, int maxQueued) {
        this.loop = loop;
        this.metrics = metrics;
        this.clock = clock;
        this.maxQueued = maxQueued;
        metrics.queuedMessages(queued::get);
    }

    /**
     * On the connector's thread: queues {@code deliver} for the feed thread, or, once the bound is passed, runs
     * {@code overflowed} there instead (once per connection).
     */
    void offer(FeedConnection connection, Runnable deliver, Runnable overflowed) {
        connection.lastMessageAt = clock.instant();
        if (connection.overflowed) {
            metrics.messageShed();
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            connection.overflowed = true;
            metrics.queueOverflow();
            metrics.messageShed();
            loop.execute(overflowed);
            return;
        }
        loop.execute(() -> {
            queued.decrementAndGet();
            deliver.run();
        });
    }
}
