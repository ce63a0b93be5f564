package dev.peregrine.signal.application.port.out;

/** Durable history of the panel's work: one debate per candle with a candidate, one row per signal id. */
public interface SignalValidationStore {

    /**
     * Stores the candle's debate and its validations atomically; rows that exist (same debate id, same signal
     * id) are kept as first written, so storing a candle again changes nothing.
     */
    void save(EvaluatedCandle candle);
}
