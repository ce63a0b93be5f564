package dev.peregrine.monitor.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(60), 2.0, 6);

    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayAfter(500)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aFractionalMultiplierGrowsGently() {
        Backoff gentle = new Backoff(Duration.ofMillis(1000), Duration.ofMinutes(1), 1.5, 3);
        assertThat(gentle.delayAfter(2)).isEqualTo(Duration.ofMillis(1500));
        assertThat(gentle.delayAfter(3)).isEqualTo(Duration.ofMillis(2250));
    }

    @Test
    void allowsRetriesUntilTheAttemptsAreExhausted() {
        assertThat(backoff.mayRetryAfter(1)).isTrue();
        assertThat(backoff.mayRetryAfter(5)).isTrue();
        assertThat(backoff.mayRetryAfter(6)).isFalse();
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1).mayRetryAfter(1))
                .isFalse();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 3))
                .hasMessageContaining("initial back-off must be positive");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 3))
                .hasMessageContaining("below the initial");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 3))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 0))
                .hasMessageContaining("max attempts");
        assertThatThrownBy(() -> backoff.delayAfter(0)).hasMessageContaining("attempts must be >= 1");
    }
}
