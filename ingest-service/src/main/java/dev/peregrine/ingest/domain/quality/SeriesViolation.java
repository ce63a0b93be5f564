package dev.peregrine.ingest.domain.quality;

import dev.peregrine.ingest.domain.Series;
import java.time.Instant;
import java.util.Objects;

/**
 * A rule broken by a whole series rather than one candle.
 *
 * @param since the last update of the series before the violation: with the series it names the episode, so
 *              that the same staleness seen again (a replay of the same data) is recognised as the same incident
 * @param at    when it was found (the clock, or the data's own time in a replay)
 */
public record SeriesViolation(Series series, Instant since, Instant at, QualityViolation violation) {

    public SeriesViolation {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(violation, "violation");
    }
}
