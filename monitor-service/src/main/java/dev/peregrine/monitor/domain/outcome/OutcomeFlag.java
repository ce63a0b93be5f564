package dev.peregrine.monitor.domain.outcome;

/** Irregularities of a measurement; carried by name in {@code SignalOutcomeMeasured.flags}. */
public enum OutcomeFlag {
    /**
     * At least one candle between the signal's candle and the exit is missing: the entry or the exit moved to the
     * next available open, or the excursions were taken over fewer candles than the horizon holds.
     */
    GAP,
    /** At least one candle from the entry to the exit (included) carried an ingest data-quality flag. */
    QUALITY_FLAGGED
}
