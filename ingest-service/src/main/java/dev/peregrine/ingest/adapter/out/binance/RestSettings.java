package dev.peregrine.ingest.adapter.out.binance;

import java.time.Duration;
import java.util.Objects;

/**
 * How the REST client talks to Binance (see {@code peregrine.ingest.binance.rest-base-url} and
 * {@code peregrine.ingest.binance.rest.*}).
 *
 * @param weightLimit          Binance's request weight per minute (spot: 6000)
 * @param weightSlowdownRatio  share of the limit at which requests wait for the next minute
 * @param requestsPerSecond    most requests sent per second
 * @param maxAttempts          attempts per request (first one included)
 * @param maxRetryWait         longest Retry-After or ban waited for; a longer one fails the call
 * @param defaultRetryAfter    wait after a 429 or 418 that names none
 * @param circuitBreakerOpen   how long the circuit breaker stays open after repeated failures
 */
public record RestSettings(
        String baseUrl,
        Duration timeout,
        int weightLimit,
        double weightSlowdownRatio,
        int requestsPerSecond,
        int maxAttempts,
        Duration maxRetryWait,
        Duration defaultRetryAfter,
        Duration circuitBreakerOpen) {

    public RestSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        Objects.requireNonNull(defaultRetryAfter, "defaultRetryAfter");
        Objects.requireNonNull(circuitBreakerOpen, "circuitBreakerOpen");
    }
}
