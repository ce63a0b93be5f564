package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:10Z"));
    private final RateLimiter limiter = new RateLimiter(clock, 5, Duration.ofMinutes(2), Duration.ofDays(3));

    @Test
    void weightAddsUpWithinTheMinuteAndResetsWithTheNextOne() {
        assertThat(limiter.admit(2).usedWeight()).isEqualTo(2);
        assertThat(limiter.admit(3)).satisfies(decision -> {
            assertThat(decision.status()).isEqualTo(200);
            assertThat(decision.usedWeight()).isEqualTo(5);
        });

        clock.set(Instant.parse("2024-01-01T00:01:00Z"));

        assertThat(limiter.admit(1).usedWeight()).isEqualTo(1);
    }

    @Test
    void overTheLimitIs429UntilTheWindowEnds() {
        limiter.admit(5);

        RateLimiter.Decision decision = limiter.admit(1);

        assertThat(decision.status()).isEqualTo(429);
        assertThat(decision.usedWeight()).isEqualTo(6);
        assertThat(decision.retryAfterSeconds()).isEqualTo(50);
    }

    @Test
    void sendingAgainBeforeRetryAfterIsBannedAndTheBanIsReportedUntilItEnds() {
        limiter.admit(6);
        clock.advance(Duration.ofSeconds(10));

        RateLimiter.Decision banned = limiter.admit(1);

        assertThat(banned.status()).isEqualTo(418);
        assertThat(banned.bannedUntil()).isEqualTo(Instant.parse("2024-01-01T00:02:20Z"));
        assertThat(banned.retryAfterSeconds()).isEqualTo(120);

        clock.advance(Duration.ofSeconds(70));
        RateLimiter.Decision stillBanned = limiter.admit(1);
        assertThat(stillBanned.status()).isEqualTo(418);
        assertThat(stillBanned.retryAfterSeconds()).isEqualTo(50);

        clock.set(Instant.parse("2024-01-01T00:02:20Z"));
        assertThat(limiter.admit(1).status()).isEqualTo(200);
    }

    @Test
    void aClientThatWaitsForRetryAfterIsNotBanned() {
        RateLimiter.Decision refused = limiter.admit(6);
        clock.advance(Duration.ofSeconds(refused.retryAfterSeconds()));

        assertThat(limiter.admit(1).status()).isEqualTo(200);
    }

    @Test
    void repeatOffendersGetLongerBans() {
        limiter.admit(6);
        assertThat(limiter.admit(1).retryAfterSeconds()).isEqualTo(120);
        clock.set(Instant.parse("2024-01-01T00:10:00Z"));
        limiter.admit(6);

        RateLimiter.Decision second = limiter.admit(1);

        assertThat(second.status()).isEqualTo(418);
        assertThat(second.retryAfterSeconds()).isEqualTo(240);
    }
}
