package dev.peregrine.ingest.domain.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void withoutJitterTheDelayDoublesPerAttemptUpToTheMaximum() {
        ReconnectBackoff backoff =
                new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0, new SplittableRandom(1));

        assertThat(IntStream.rangeClosed(1, 9)
                        .mapToObj(backoff::delay)
                        .map(Duration::toSeconds)
                        .toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(backoff.delay(10_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterTakesOffAtMostItsShareAndASeedRepeatsTheSameDelays() {
        ReconnectBackoff first =
                new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.5, new SplittableRandom(42));
        ReconnectBackoff second =
                new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.5, new SplittableRandom(42));

        List<Duration> delays =
                IntStream.rangeClosed(1, 8).mapToObj(first::delay).toList();

        assertThat(IntStream.rangeClosed(1, 8).mapToObj(second::delay).toList()).isEqualTo(delays);
        for (int attempt = 1; attempt <= 8; attempt++) {
            Duration full = Duration.ofSeconds(Math.min(60, 1L << (attempt - 1)));
            assertThat(delays.get(attempt - 1)).isLessThanOrEqualTo(full).isGreaterThanOrEqualTo(full.dividedBy(2));
        }
        assertThat(delays.stream().distinct().count())
                .as("jitter makes them differ")
                .isEqualTo(8);
    }

    @Test
    void badSettingsAreRefused() {
        SplittableRandom random = new SplittableRandom(1);
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1), 0, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, random).delay(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
