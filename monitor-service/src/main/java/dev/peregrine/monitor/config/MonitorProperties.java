package dev.peregrine.monitor.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of monitor-service ({@code peregrine.monitor.*}); defaults in {@code monitor-service.yml}.
 * Deliberately minimal in this first version.
 *
 * @param recentLimit the most rows a list endpoint returns, and its default page size
 */
@Validated
@ConfigurationProperties("peregrine.monitor")
public record MonitorProperties(
        @Min(value = 1, message = "set peregrine.monitor.recent-limit (PEREGRINE_MONITOR_RECENT_LIMIT) to at least 1")
        @Max(value = 1000, message = "set peregrine.monitor.recent-limit (PEREGRINE_MONITOR_RECENT_LIMIT) to at most 1000: "
                + "larger pages belong in a database query, not in the API")
        int recentLimit) {
}
