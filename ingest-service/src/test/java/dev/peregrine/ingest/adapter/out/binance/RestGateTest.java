package dev.peregrine.ingest.adapter.out.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.ingest.application.port.out.ExchangeUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestGateTest {

    /** A clock that moves only when the gate "sleeps". */
    private static final class SleepClock extends Clock {
        Instant now = Instant.parse("2024-06-01T12:00:10Z");
        final List<Duration> sleeps = new ArrayList<>();

        void sleep(Duration duration) {
            sleeps.add(duration);
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final SleepClock clock = new SleepClock();
    private final RestGate gate = new RestGate(clock, clock::sleep, 6000, 0.8, Duration.ofMinutes(5));

    @Test
    void letsRequestsThroughWhenNothingHoldsThem() throws InterruptedException {
        gate.usedWeight(100, clock.instant());
        gate.awaitTurn(2);
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void afterA429NoRequestGoesOutBeforeItsRetryAfterCountedFromTheAnswer() throws InterruptedException {
        Instant answeredAt = clock.instant();
        Instant until = gate.holdOff(Duration.ofSeconds(3), answeredAt, "rate limited (429)");
        clock.now = answeredAt.plusMillis(1200);

        gate.awaitTurn(2);

        assertThat(until).isEqualTo(answeredAt.plusSeconds(3));
        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(1800));
        assertThat(clock.instant()).isEqualTo(until);
        assertThat(gate.heldUntil()).isEmpty();
    }

    @Test
    void aLongerHoldWinsAndAShorterOneDoesNotShortenIt() {
        Instant at = clock.instant();
        gate.holdOff(Duration.ofSeconds(120), at, "IP banned (418)");
        assertThat(gate.holdOff(Duration.ofSeconds(5), at, "rate limited (429)"))
                .isEqualTo(at.plusSeconds(120));
        assertThat(gate.waitFor(1).reason()).startsWith("IP banned (418) until");
    }

    @Test
    void aBanLongerThanTheLongestWaitFailsAtOnceWithTheReason() {
        gate.holdOff(Duration.ofDays(3), clock.instant(), "IP banned (418)");

        assertThatThrownBy(() -> gate.awaitTurn(2))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("IP banned (418) until")
                .hasMessageContaining("max-retry-wait (PT5M)");
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void nearTheWeightLimitRequestsWaitForTheNextMinutesWindow() throws InterruptedException {
        gate.usedWeight(4799, clock.instant());
        gate.awaitTurn(1);
        assertThat(clock.sleeps).as("4800 is still within 80 % of 6000").isEmpty();

        gate.awaitTurn(2);

        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(51));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-06-01T12:01:01Z"));
        gate.usedWeight(2, clock.instant());
        gate.awaitTurn(2);
        assertThat(clock.sleeps).hasSize(1);
    }

    @Test
    void anOlderWeightReadingDoesNotReplaceANewerOne() {
        Instant now = clock.instant();
        gate.usedWeight(10, now);
        gate.usedWeight(5000, now.minusSeconds(1));
        assertThat(gate.waitFor(2).duration()).isZero();
    }
}
