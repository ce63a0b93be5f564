package dev.peregrine.monitor.config.advice;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Applying weight advice ({@code peregrine.monitor.advice.auto-apply.*}); defaults here. Whether it is applied at all
 * is not a property: an operator switches it on over REST (off until then).
 *
 * @param checkInterval time between two rounds (default 15m, at least 1s)
 * @param tolerance     smallest change of a strategy's advised weight worth sending (default 0.05, within [0, 1))
 * @param horizon       the outcome horizon the advice is computed on (default 4h, the auto-pause horizon)
 * @param lookback      outcomes whose signal is at most this old count (default 30d); 0 counts every stored outcome
 */
@Validated
@ConfigurationProperties("peregrine.monitor.advice.auto-apply")
public record AutoApplyProperties(Duration checkInterval, Double tolerance, Duration horizon, Duration lookback) {

    public AutoApplyProperties {
        checkInterval = checkInterval == null ? Duration.ofMinutes(15) : checkInterval;
        tolerance = tolerance == null ? 0.05 : tolerance;
        horizon = horizon == null ? Duration.ofHours(4) : horizon;
        lookback = lookback == null ? Duration.ofDays(30) : lookback;
    }

    @AssertTrue(message = "set peregrine.monitor.advice.auto-apply.check-interval to at least 1s, e.g. 15m")
    public boolean isCheckIntervalValid() {
        return checkInterval.compareTo(Duration.ofSeconds(1)) >= 0;
    }

    @AssertTrue(
            message = "set peregrine.monitor.advice.auto-apply.tolerance to a weight difference from 0 (send "
                    + "every change) to below 1, e.g. 0.05")
    public boolean isToleranceValid() {
        return tolerance >= 0 && tolerance < 1;
    }

    @AssertTrue(
            message = "set peregrine.monitor.advice.auto-apply.horizon to a positive duration, one of "
                    + "peregrine.monitor.outcomes.horizons, e.g. 4h")
    public boolean isHorizonValid() {
        return horizon.isPositive();
    }

    @AssertTrue(
            message = "set peregrine.monitor.advice.auto-apply.lookback to a positive duration, e.g. 30d, "
                    + "or 0 for every stored outcome")
    public boolean isLookbackValid() {
        return !lookback.isNegative();
    }
}
