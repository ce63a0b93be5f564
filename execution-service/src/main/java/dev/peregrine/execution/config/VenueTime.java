package dev.peregrine.execution.config;

import dev.peregrine.execution.domain.IntentFreshness;
import java.time.Clock;

/** The venue's clock and the stale-intent rule judged by it (off for the paper venue). */
record VenueTime(Clock clock, IntentFreshness freshness) {}
