package dev.peregrine.ingest.adapter.out.binance;

import dev.peregrine.ingest.application.ConnectionAudit;
import dev.peregrine.ingest.application.port.out.ExchangeUnavailableException;
import dev.peregrine.ingest.application.port.out.FeedMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/** Builds the {@link BinanceRestClient} with its gate and resilience4j decorators. */
public final class BinanceRestClients {

    /** Back-off between attempts after an I/O error or a 5xx answer; a 429 or 418 waits at the gate instead. */
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);

    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private BinanceRestClients() {}

    public static BinanceRestClient create(
            RestSettings settings, ConnectionAudit audit, FeedMetrics metrics, Clock clock) {
        RestGate gate = new RestGate(
                clock,
                duration -> Thread.sleep(duration),
                settings.weightLimit(),
                settings.weightSlowdownRatio(),
                settings.maxRetryWait());
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new BinanceRestClient(
                settings.baseUrl(),
                http,
                settings.timeout(),
                gate,
                retry(settings),
                circuitBreaker(settings),
                rateLimiter(settings),
                audit,
                metrics,
                clock,
                settings.defaultRetryAfter());
    }

    static Retry retry(RestSettings settings) {
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof BinanceRestClient.Limited) {
                // The gate holds the next attempt until the Retry-After has passed; no extra wait here.
                return 1L;
            }
            long millis = FIRST_RETRY.toMillis() << Math.min(attempt - 1, 10);
            return Math.min(millis, LONGEST_RETRY.toMillis());
        };
        return Retry.of(
                "binance-rest",
                RetryConfig.custom()
                        .maxAttempts(settings.maxAttempts())
                        .intervalBiFunction(interval)
                        .retryExceptions(
                                IOException.class, BinanceRestClient.Limited.class, BinanceRestClient.ServerError.class)
                        .ignoreExceptions(BinanceRestClient.Refused.class, ExchangeUnavailableException.class)
                        .build());
    }

    static CircuitBreaker circuitBreaker(RestSettings settings) {
        return CircuitBreaker.of(
                "binance-rest",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(5)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(settings.circuitBreakerOpen())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .recordExceptions(IOException.class, BinanceRestClient.ServerError.class)
                        .ignoreExceptions(
                                BinanceRestClient.Limited.class,
                                BinanceRestClient.Refused.class,
                                ExchangeUnavailableException.class)
                        .build());
    }

    static RateLimiter rateLimiter(RestSettings settings) {
        return RateLimiter.of(
                "binance-rest",
                RateLimiterConfig.custom()
                        .limitForPeriod(settings.requestsPerSecond())
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(Duration.ofSeconds(30))
                        .build());
    }
}
