package dev.peregrine.ingest.adapter.in.binance;

import dev.peregrine.ingest.application.LiveFeed;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Starts the live feed once the service is ready (its consumers and publisher are up), without holding up
 * start-up: connecting, reading instruments and backfilling run on the feed's own threads.
 */
public final class LiveFeedLifecycle {

    private final LiveFeed feed;

    public LiveFeedLifecycle(LiveFeed feed) {
        this.feed = feed;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        feed.start();
    }
}
