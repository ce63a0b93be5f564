package dev.peregrine.signal.application.port.out;

/** Durable record of every validation, one row per signal id. */
public interface SignalValidationStore {

    /** Stores the record unless a record with its signal id exists; returns whether it was new. */
    boolean save(SignalRecord record);
}
