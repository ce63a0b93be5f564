package dev.peregrine.ingest.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * {@code peregrine.ingest.binance.rest}: the REST client's limits and resilience (weights, rate limiter, retry,
 * circuit breaker) and how much one backfill may read.
 *
 * @param timeout              connect and answer timeout of one request
 * @param weightLimit          Binance's request weight per minute (spot: 6000)
 * @param weightSlowdownRatio  share of the limit at which requests wait for the next minute
 * @param requestsPerSecond    most requests per second (resilience4j rate limiter)
 * @param maxAttempts          attempts per request, first included (resilience4j retry)
 * @param maxRetryWait         longest Retry-After or ban waited for; a longer one fails the backfill at once
 * @param defaultRetryAfter    wait after a 429 or 418 that names none
 * @param circuitBreakerOpen   how long the circuit breaker stays open after repeated failures
 * @param maxBackfillCandles   most candles one backfill reads
 */
public record BinanceRestProperties(
        @NotNull(message = TIMEOUT_MESSAGE) Duration timeout,
        @Min(value = 1, message = WEIGHT_MESSAGE) int weightLimit,

        @DecimalMin(value = "0.1", message = RATIO_MESSAGE) @DecimalMax(value = "1", message = RATIO_MESSAGE)
        double weightSlowdownRatio,

        @Min(value = 1, message = RPS_MESSAGE) @Max(value = 100, message = RPS_MESSAGE)
        int requestsPerSecond,

        @Min(value = 1, message = ATTEMPTS_MESSAGE) @Max(value = 20, message = ATTEMPTS_MESSAGE)
        int maxAttempts,

        @NotNull(message = WAIT_MESSAGE) Duration maxRetryWait,
        @NotNull(message = DEFAULT_RETRY_MESSAGE) Duration defaultRetryAfter,
        @NotNull(message = BREAKER_MESSAGE) Duration circuitBreakerOpen,

        @Min(value = 1, message = MAX_CANDLES_MESSAGE) @Max(value = 10_000_000, message = MAX_CANDLES_MESSAGE)
        int maxBackfillCandles) {

    private static final String TIMEOUT_MESSAGE = "peregrine.ingest.binance.rest.timeout must be positive, e.g. 10s";
    private static final String WEIGHT_MESSAGE =
            "peregrine.ingest.binance.rest.weight-limit must be at least 1 " + "(Binance spot: 6000 per minute)";
    private static final String RATIO_MESSAGE =
            "peregrine.ingest.binance.rest.weight-slowdown-ratio must be " + "between 0.1 and 1, e.g. 0.8";
    private static final String RPS_MESSAGE =
            "peregrine.ingest.binance.rest.requests-per-second must be between 1 " + "and 100, e.g. 10";
    private static final String ATTEMPTS_MESSAGE =
            "peregrine.ingest.binance.rest.max-attempts must be between 1 " + "and 20, e.g. 5";
    private static final String WAIT_MESSAGE =
            "peregrine.ingest.binance.rest.max-retry-wait must be positive, " + "e.g. 5m";
    private static final String DEFAULT_RETRY_MESSAGE =
            "peregrine.ingest.binance.rest.default-retry-after must be " + "positive, e.g. 60s";
    private static final String BREAKER_MESSAGE =
            "peregrine.ingest.binance.rest.circuit-breaker-open must be " + "positive, e.g. 30s";
    private static final String MAX_CANDLES_MESSAGE =
            "peregrine.ingest.binance.rest.max-backfill-candles must be " + "between 1 and 10000000, e.g. 100000";

    @AssertTrue(message = TIMEOUT_MESSAGE)
    public boolean isTimeoutPositive() {
        return timeout == null || timeout.isPositive();
    }

    @AssertTrue(message = WAIT_MESSAGE)
    public boolean isMaxRetryWaitPositive() {
        return maxRetryWait == null || maxRetryWait.isPositive();
    }

    @AssertTrue(message = DEFAULT_RETRY_MESSAGE)
    public boolean isDefaultRetryAfterPositive() {
        return defaultRetryAfter == null || defaultRetryAfter.isPositive();
    }

    @AssertTrue(message = BREAKER_MESSAGE)
    public boolean isCircuitBreakerOpenPositive() {
        return circuitBreakerOpen == null || circuitBreakerOpen.isPositive();
    }
}
