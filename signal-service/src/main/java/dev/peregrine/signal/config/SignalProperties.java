package dev.peregrine.signal.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of signal-service ({@code peregrine.signal.*}); defaults in {@code signal-service.yml}. The
 * analysts, the regime classifier and the validator use their documented defaults (docs/signal-validation.md).
 *
 * @param rebuildBars stored candles a series is rebuilt from on its first candle after a start; enough for every
 *                    warm-up (SMA 200, the regime's 200-reading volatility baseline after 20 returns: 221 bars)
 * @param consensus   how many analysts must agree and when two strong sides are a conflict
 * @param arbiter     the net conviction below which the verdict is HOLD
 * @param series      how many series' states are held in memory, and when an idle one is dropped
 * @param ml          the ML filter's threshold and how often the model registry is polled
 */
@Validated
@ConfigurationProperties("peregrine.signal")
public record SignalProperties(
        @Min(
                value = 221,
                message = "peregrine.signal.rebuild-bars must be at least 221 so a rebuilt series is warm "
                        + "(SMA 200, volatility baseline 200 readings after 20 returns)")
        @Max(
                value = 100000,
                message = "peregrine.signal.rebuild-bars must be at most 100000 (a rebuild reads them all at once)")
        int rebuildBars,

        @NotNull(message = "set peregrine.signal.consensus.* (min-agreeing, conflict-threshold, max-conflict-penalty)")
        @Valid
        Consensus consensus,

        @NotNull(message = "set peregrine.signal.arbiter.conviction-threshold") @Valid
        Arbiter arbiter,

        @NotNull(message = "set peregrine.signal.series.* (max-series, idle-after)") @Valid
        Series series,

        @NotNull(message = "set peregrine.signal.ml.* (threshold, poll-interval)") @Valid
        Ml ml) {

    /**
     * @param threshold    0-1: a signal whose modelled probability of a positive return after costs is below it is
     *                     SKIP (only while a model is active)
     * @param pollInterval how often the registry is read for another replica's promotion or rollback
     */
    public record Ml(
            @DecimalMin(
                    value = "0",
                    message = "peregrine.signal.ml.threshold is a probability: set it from 0 to 1 (default 0.60)")
            @DecimalMax(
                    value = "1",
                    message = "peregrine.signal.ml.threshold is a probability: set it from 0 to 1 (default 0.60)")
            double threshold,

            @NotNull(message = "set peregrine.signal.ml.poll-interval, e.g. 30s")
            Duration pollInterval) {}

    /**
     * @param maxSeries at most this many (symbol, interval) series are held; beyond it the least recently used are
     *                  dropped and rebuilt from stored candles when they trade again
     * @param idleAfter a series without a candle for this long (and at least three of its intervals) is dropped
     */
    public record Series(
            @Min(value = 1, message = "peregrine.signal.series.max-series must be at least 1")
            @Max(value = 1000000, message = "peregrine.signal.series.max-series must be at most 1000000")
            int maxSeries,

            @NotNull(message = "set peregrine.signal.series.idle-after, e.g. 3d")
            Duration idleAfter) {}

    /**
     * @param minAgreeing        analysts that must be on the leading side for the consensus to have a direction
     * @param conflictThreshold  0-1: bull and bear scores both at or above it are a conflict
     * @param maxConflictPenalty 0-1: the penalty of a dead-even conflict
     */
    public record Consensus(
            @Min(value = 1, message = "peregrine.signal.consensus.min-agreeing must be at least 1 analyst")
            @Max(
                    value = 5,
                    message = "peregrine.signal.consensus.min-agreeing must be at most 5 (the panel has five analysts)")
            int minAgreeing,

            @DecimalMin(
                    value = "0",
                    inclusive = false,
                    message = "peregrine.signal.consensus.conflict-threshold must be above 0")
            @DecimalMax(value = "1", message = "peregrine.signal.consensus.conflict-threshold must be at most 1")
            double conflictThreshold,

            @DecimalMin(value = "0", message = "peregrine.signal.consensus.max-conflict-penalty must be at least 0")
            @DecimalMax(value = "1", message = "peregrine.signal.consensus.max-conflict-penalty must be at most 1")
            double maxConflictPenalty) {}

    /** @param convictionThreshold 0-1: below this net conviction the verdict is HOLD */
    public record Arbiter(
            @DecimalMin(
                    value = "0",
                    inclusive = false,
                    message = "peregrine.signal.arbiter.conviction-threshold must be above 0")
            @DecimalMax(value = "1", message = "peregrine.signal.arbiter.conviction-threshold must be at most 1")
            double convictionThreshold) {}
}
