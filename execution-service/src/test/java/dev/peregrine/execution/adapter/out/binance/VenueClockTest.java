package dev.peregrine.execution.adapter.out.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VenueClockTest {

    /** A local clock that reads 1 000 000 ms and moves only when told. */
    private final MutableClock local = new MutableClock(Instant.ofEpochMilli(1_000_000));

    private final VenueClock clock = new VenueClock(local);

    @Test
    void theOffsetIsMeasuredAtTheMidpointOfTheRoundTrip() {
        assertThat(clock.timestampMillis()).isEqualTo(1_000_000);

        // Sent at 1 000 000, the server read 1 500 100, answered at 1 000 200: midpoint 1 000 100.
        BinanceAnswer<Duration> synced = clock.sync(() -> {
            local.advance(Duration.ofMillis(200));
            return new BinanceAnswer.Ok<>(Instant.ofEpochMilli(1_500_100));
        });

        assertThat(synced).isEqualTo(new BinanceAnswer.Ok<>(Duration.ofMillis(500_000)));
        assertThat(clock.lastRoundTrip()).isEqualTo(Duration.ofMillis(200));
        assertThat(clock.timestampMillis()).isEqualTo(1_500_200);
        local.advance(Duration.ofSeconds(1));
        assertThat(clock.timestampMillis()).isEqualTo(1_501_200);
    }

    @Test
    void aVenueBehindTheLocalClockGivesANegativeOffset() {
        clock.sync(() -> new BinanceAnswer.Ok<>(Instant.ofEpochMilli(999_000)));

        assertThat(clock.offset()).isEqualTo(Duration.ofMillis(-1000));
        assertThat(clock.timestampMillis()).isEqualTo(999_000);
    }

    @Test
    void aFailedSyncKeepsTheOffsetAndAnswersTheFailure() {
        clock.sync(() -> new BinanceAnswer.Ok<>(Instant.ofEpochMilli(1_000_300)));

        BinanceAnswer<Duration> failed = clock.sync(() -> new BinanceAnswer.Unknown<>("no answer: timeout"));

        assertThat(failed).isEqualTo(new BinanceAnswer.Unknown<>("no answer: timeout"));
        assertThat(clock.offset()).isEqualTo(Duration.ofMillis(300));
    }
}
