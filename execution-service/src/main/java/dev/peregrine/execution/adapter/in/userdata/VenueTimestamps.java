package dev.peregrine.execution.adapter.in.userdata;

/** The venue's clock for the subscription's {@code timestamp}. */
public interface VenueTimestamps {

    /** The venue's time now, in epoch milliseconds. */
    long nowMillis();

    /** Measures the venue clock's offset again (after a -1021 refusal). */
    void resync();
}
