package dev.peregrine.monitor.config.quality;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The quality gauges ({@code peregrine.monitor.quality-metrics.*}); defaults here.
 *
 * @param enabled         refresh the gauges periodically (default true)
 * @param refreshInterval time between two refreshes (default 30s, at least 1s)
 * @param lookback        outcomes whose signal is at most this old count (default 30d); 0 counts every stored outcome
 */
@Validated
@ConfigurationProperties("peregrine.monitor.quality-metrics")
public record QualityMetricsProperties(Boolean enabled, Duration refreshInterval, Duration lookback) {

    public QualityMetricsProperties {
        enabled = enabled == null || enabled;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(30) : refreshInterval;
        lookback = lookback == null ? Duration.ofDays(30) : lookback;
    }

    @AssertTrue(message = "set peregrine.monitor.quality-metrics.refresh-interval to at least 1s, e.g. 30s")
    public boolean isRefreshIntervalValid() {
        return refreshInterval.compareTo(Duration.ofSeconds(1)) >= 0;
    }

    @AssertTrue(
            message = "set peregrine.monitor.quality-metrics.lookback to a positive duration, e.g. 30d, "
                    + "or 0 for every stored outcome")
    public boolean isLookbackValid() {
        return !lookback.isNegative();
    }
}
