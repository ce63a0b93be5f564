package dev.peregrine.monitor.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final String KEY = "risk-service|KILL_SWITCH_ON|KILL_SWITCH";
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final RateLimiter limiter = new RateLimiter(Duration.ofMinutes(10));

    @Test
    void theFirstAlertOfAKeyIsSentAndOpensAWindow() {
        RateLimiter.Admission first = limiter.admit(Optional.empty(), KEY, UUID.randomUUID(), T0);
        assertThat(first.send()).isTrue();
        assertThat(first.reported()).isZero();
        assertThat(first.next()).isEqualTo(new RateWindow(KEY, T0.plus(Duration.ofMinutes(10)), 0, null, null));
    }

    @Test
    void alertsInsideTheWindowAreSuppressedAndCounted() {
        RateWindow window =
                limiter.admit(Optional.empty(), KEY, UUID.randomUUID(), T0).next();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        RateLimiter.Admission a2 = limiter.admit(Optional.of(window), KEY, second, T0.plusSeconds(60));
        RateLimiter.Admission a3 = limiter.admit(Optional.of(a2.next()), KEY, third, T0.plusSeconds(599));
        assertThat(a2.send()).isFalse();
        assertThat(a3.send()).isFalse();
        assertThat(a3.next()).isEqualTo(new RateWindow(KEY, T0.plusSeconds(600), 2, T0.plusSeconds(60), third));
        // Suppression does not extend the window.
        assertThat(limiter.summaryDue(a3.next(), T0.plusSeconds(599))).isEmpty();
    }

    @Test
    void theNextAlertAfterTheWindowIsSentReportingTheSuppressedOnes() {
        RateWindow window = new RateWindow(KEY, T0.plusSeconds(600), 2, T0.plusSeconds(60), UUID.randomUUID());
        RateLimiter.Admission next = limiter.admit(Optional.of(window), KEY, UUID.randomUUID(), T0.plusSeconds(600));
        assertThat(next.send()).isTrue();
        assertThat(next.reported()).isEqualTo(2);
        assertThat(next.suppressedSince()).isEqualTo(T0.plusSeconds(60));
        assertThat(next.next()).isEqualTo(new RateWindow(KEY, T0.plusSeconds(1200), 0, null, null));
    }

    @Test
    void aWindowThatEndsWithSuppressedAlertsOwesASummaryWhichOpensANewWindow() {
        UUID last = UUID.randomUUID();
        RateWindow window = new RateWindow(KEY, T0.plusSeconds(600), 3, T0.plusSeconds(10), last);
        assertThat(limiter.summaryDue(window, T0.plusSeconds(599))).isEmpty();
        RateLimiter.Summary summary =
                limiter.summaryDue(window, T0.plusSeconds(605)).orElseThrow();
        assertThat(summary.suppressed()).isEqualTo(3);
        assertThat(summary.since()).isEqualTo(T0.plusSeconds(10));
        assertThat(summary.lastAlertId()).isEqualTo(last);
        assertThat(summary.next()).isEqualTo(new RateWindow(KEY, T0.plusSeconds(1205), 0, null, null));
        // An alert right after the summary is inside the new window.
        assertThat(limiter.admit(Optional.of(summary.next()), KEY, UUID.randomUUID(), T0.plusSeconds(606))
                        .send())
                .isFalse();
    }

    @Test
    void aQuietWindowOwesNothing() {
        assertThat(limiter.summaryDue(new RateWindow(KEY, T0, 0, null, null), T0.plusSeconds(3600)))
                .isEmpty();
    }

    @Test
    void aZeroWindowSendsEverything() {
        RateLimiter unlimited = new RateLimiter(Duration.ZERO);
        RateWindow window =
                unlimited.admit(Optional.empty(), KEY, UUID.randomUUID(), T0).next();
        assertThat(unlimited
                        .admit(Optional.of(window), KEY, UUID.randomUUID(), T0)
                        .send())
                .isTrue();
        assertThatThrownBy(() -> new RateLimiter(Duration.ofSeconds(-1))).hasMessageContaining("must not be negative");
    }
}
