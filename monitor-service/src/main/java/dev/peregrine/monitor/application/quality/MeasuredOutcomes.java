package dev.peregrine.monitor.application.quality;

import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The measured outcomes the monitor has stored, as the statistics take them. */
public interface MeasuredOutcomes {

    /** The most outcomes one question reads; a wider question must narrow its window. */
    int MAX_OUTCOMES = 200_000;

    /** Outcomes matching the query, in signal-time order; at most {@link #MAX_OUTCOMES}. */
    List<MeasuredOutcome> find(OutcomeQuery query);

    /** Every strategy with a measured outcome at {@code horizon}, at any time. */
    Set<String> strategies(Duration horizon);
}
