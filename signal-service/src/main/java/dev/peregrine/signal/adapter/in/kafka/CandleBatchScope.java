package dev.peregrine.signal.adapter.in.kafka;

/**
 * What the candle listener wraps each poll's candles in: writes that may wait for the end of the poll (the stored
 * candles, one batch per poll instead of one round trip per candle) are done when {@link #run} returns, including
 * when the work threw, so a committed offset never runs ahead of a stored candle. Provided by the service's
 * configuration (the database adapter's buffered candle writes); the listener knows it only by this interface.
 */
@FunctionalInterface
public interface CandleBatchScope {

    void run(Runnable batch);

    /** No deferred writes: each write happens when it is made. */
    CandleBatchScope IMMEDIATE = Runnable::run;
}
