package dev.peregrine.monitor.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of monitor-service ({@code peregrine.monitor.*}); defaults in {@code monitor-service.yml}.
 *
 * @param recentLimit the most rows a list endpoint returns, and its default page size
 * @param outcomes    signal outcome measurement
 */
@Validated
@ConfigurationProperties("peregrine.monitor")
public record MonitorProperties(
        @Min(value = 1, message = "set peregrine.monitor.recent-limit (PEREGRINE_MONITOR_RECENT_LIMIT) to at least 1")
        @Max(
                value = 1000,
                message = "set peregrine.monitor.recent-limit (PEREGRINE_MONITOR_RECENT_LIMIT) to at most 1000: "
                        + "larger pages belong in a database query, not in the API")
        int recentLimit,

        @Valid @NotNull(message = "set peregrine.monitor.outcomes.* (see monitor-service.yml)")
        Outcomes outcomes) {

    /**
     * @param horizons        how long after the entry each outcome is measured (one outcome per signal and horizon)
     * @param roundTripCost   cost of entering and leaving, as a fraction of the entry price (0.002 = 2 x 0.1 % taker fee)
     * @param candleRetention how long candles are kept behind the latest one; must exceed the longest horizon
     * @param consumerGroup   Kafka consumer group of the outcome listeners (signals, candles, portfolio)
     * @param unmeasurableAfter         how long after it is stored a pending outcome whose series stopped delivering
     *                                  candles is given up as UNMEASURABLE; must exceed the longest horizon
     * @param unmeasurableCheckInterval how often pending outcomes are checked against that deadline
     */
    public record Outcomes(
            @NotEmpty(
                    message =
                            "set peregrine.monitor.outcomes.horizons (PEREGRINE_MONITOR_OUTCOMES_HORIZONS) to at least "
                                    + "one duration, e.g. 1h,4h,24h")
            List<@NotNull Duration> horizons,

            @NotNull(
                    message =
                            "set peregrine.monitor.outcomes.round-trip-cost (PEREGRINE_MONITOR_OUTCOMES_ROUND_TRIP_COST)")
            @DecimalMin(
                    value = "0",
                    message = "set peregrine.monitor.outcomes.round-trip-cost "
                            + "(PEREGRINE_MONITOR_OUTCOMES_ROUND_TRIP_COST) to a fraction >= 0, e.g. 0.002")
            @DecimalMax(
                    value = "0.1",
                    message =
                            "set peregrine.monitor.outcomes.round-trip-cost "
                                    + "(PEREGRINE_MONITOR_OUTCOMES_ROUND_TRIP_COST) to a fraction <= 0.1: it is a fraction, 0.002 is 0.2 %")
            BigDecimal roundTripCost,

            @NotNull(
                    message =
                            "set peregrine.monitor.outcomes.candle-retention (PEREGRINE_MONITOR_OUTCOMES_CANDLE_RETENTION)")
            Duration candleRetention,

            @NotBlank(message = "set peregrine.monitor.outcomes.consumer-group")
            String consumerGroup,

            @NotNull(
                    message = "set peregrine.monitor.outcomes.unmeasurable-after "
                            + "(PEREGRINE_MONITOR_OUTCOMES_UNMEASURABLE_AFTER), e.g. 72h")
            Duration unmeasurableAfter,

            @NotNull(message = "set peregrine.monitor.outcomes.unmeasurable-check-interval, e.g. 10m")
            Duration unmeasurableCheckInterval) {

        @AssertTrue(message = "set peregrine.monitor.outcomes.horizons to positive durations")
        public boolean isHorizonsPositive() {
            return horizons == null || horizons.stream().allMatch(h -> h != null && h.isPositive());
        }

        @AssertTrue(
                message = "set peregrine.monitor.outcomes.unmeasurable-after "
                        + "(PEREGRINE_MONITOR_OUTCOMES_UNMEASURABLE_AFTER) longer than the longest of "
                        + "peregrine.monitor.outcomes.horizons, e.g. three times it")
        public boolean isUnmeasurableAfterLongerThanHorizons() {
            return exceedsLongestHorizon(unmeasurableAfter);
        }

        @AssertTrue(message = "set peregrine.monitor.outcomes.unmeasurable-check-interval to at least 1s")
        public boolean isUnmeasurableCheckIntervalPositive() {
            return unmeasurableCheckInterval == null || unmeasurableCheckInterval.compareTo(Duration.ofSeconds(1)) >= 0;
        }

        @AssertTrue(
                message =
                        "set peregrine.monitor.outcomes.candle-retention (PEREGRINE_MONITOR_OUTCOMES_CANDLE_RETENTION) "
                                + "longer than the longest of peregrine.monitor.outcomes.horizons")
        public boolean isRetentionLongerThanHorizons() {
            return exceedsLongestHorizon(candleRetention);
        }

        /** True when {@code duration} exceeds the longest horizon, or when either is missing (reported elsewhere). */
        private boolean exceedsLongestHorizon(Duration duration) {
            if (horizons == null || duration == null || horizons.stream().anyMatch(h -> h == null)) {
                return true;
            }
            return horizons.stream()
                    .max(Comparator.naturalOrder())
                    .map(longest -> duration.compareTo(longest) > 0)
                    .orElse(true);
        }
    }
}
