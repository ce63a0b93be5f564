package dev.peregrine.monitor.application.quality;

import dev.peregrine.monitor.domain.quality.MeasuredOutcome;

import java.util.List;

/** The measured outcomes the monitor has stored, as the statistics take them. */
public interface MeasuredOutcomes {

    /** The most outcomes one question reads; a wider question must narrow its window. */
    int MAX_OUTCOMES = 200_000;

    /** Outcomes matching the query, in signal-time order; at most {@link #MAX_OUTCOMES}. */
    List<MeasuredOutcome> find(OutcomeQuery query);
}
