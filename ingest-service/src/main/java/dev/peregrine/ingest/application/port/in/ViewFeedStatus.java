package dev.peregrine.ingest.application.port.in;

/** The live feed's current connections, for health. Safe to call from any thread. */
public interface ViewFeedStatus {

    FeedStatus feedStatus();
}
