package dev.peregrine.signal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionAndDayTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant DAY_ONE = Instant.parse("2025-03-03T00:00:00Z");

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Instant closeOf(Instant open) {
        return open.plus(HOUR).minusMillis(1);
    }

    @Test
    void vwapWeighsTypicalPricesByVolumeAndStartsAgainAtMidnightUtc() {
        SessionVwap vwap = new SessionVwap();
        vwap.update(DAY_ONE, 12, 9, 9, 2); // typical 10
        vwap.update(DAY_ONE.plus(HOUR), 22, 19, 19, 3); // typical 20
        assertThat(vwap.value()).isCloseTo((10 * 2 + 20 * 3) / 5.0, within(1e-12));
        vwap.update(at("2025-03-03T23:00:00Z"), 32, 29, 29, 5); // typical 30
        assertThat(vwap.value()).isCloseTo((10 * 2 + 20 * 3 + 30 * 5) / 10.0, within(1e-12));

        vwap.update(at("2025-03-04T00:00:00Z"), 42, 39, 39, 1); // new session: typical 40 alone
        assertThat(vwap.value()).isCloseTo(40, within(1e-12));
    }

    @Test
    void vwapOfASessionJoinedLateOrWithoutVolumeIsNotClaimed() {
        SessionVwap vwap = new SessionVwap();
        vwap.update(at("2025-03-03T05:00:00Z"), 12, 9, 9, 2);
        assertThat(vwap.isWarm()).isFalse();
        assertThatThrownBy(vwap::value)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("first bar");
        vwap.update(at("2025-03-04T00:00:00Z"), 12, 9, 9, 0);
        assertThat(vwap.isWarm()).isFalse();
        vwap.update(at("2025-03-04T01:00:00Z"), 12, 9, 9, 4);
        assertThat(vwap.isWarm()).isTrue();
        assertThat(vwap.value()).isCloseTo(10, within(1e-12));
    }

    @Test
    void priorDayRangeIsTheWholePreviousUtcDay() {
        PriorDayRange range = new PriorDayRange();
        Instant open = DAY_ONE;
        for (int hour = 0; hour < 24; hour++) {
            range.update(open, closeOf(open), 100 + hour, 90 - hour % 5);
            assertThat(range.isWarm()).as("no prior day during the first day").isFalse();
            open = open.plus(HOUR);
        }
        range.update(open, closeOf(open), 500, 400);
        assertThat(range.high()).isEqualTo(123);
        assertThat(range.low()).isEqualTo(86);
        range.update(open.plus(HOUR), closeOf(open.plus(HOUR)), 600, 1);
        assertThat(range.high()).as("today's bars do not change the prior day").isEqualTo(123);
    }

    @Test
    void priorDayIsUnknownAfterASeriesStartedMidDayOrEndedEarlyOrSkippedADay() {
        PriorDayRange startedLate = new PriorDayRange();
        startedLate.update(at("2025-03-03T01:00:00Z"), closeOf(at("2025-03-03T01:00:00Z")), 110, 90);
        startedLate.update(at("2025-03-03T23:00:00Z"), closeOf(at("2025-03-03T23:00:00Z")), 110, 90);
        startedLate.update(at("2025-03-04T00:00:00Z"), closeOf(at("2025-03-04T00:00:00Z")), 110, 90);
        assertThat(startedLate.isWarm()).isFalse();

        PriorDayRange endedEarly = new PriorDayRange();
        endedEarly.update(DAY_ONE, closeOf(DAY_ONE), 110, 90);
        endedEarly.update(at("2025-03-03T20:00:00Z"), closeOf(at("2025-03-03T20:00:00Z")), 110, 90);
        endedEarly.update(at("2025-03-04T03:00:00Z"), closeOf(at("2025-03-04T03:00:00Z")), 110, 90);
        assertThat(endedEarly.isWarm()).isFalse();

        PriorDayRange skipped = new PriorDayRange();
        skipped.update(DAY_ONE, closeOf(DAY_ONE), 110, 90);
        skipped.update(at("2025-03-03T23:00:00Z"), closeOf(at("2025-03-03T23:00:00Z")), 110, 90);
        skipped.update(at("2025-03-05T00:00:00Z"), closeOf(at("2025-03-05T00:00:00Z")), 110, 90);
        assertThat(skipped.isWarm()).as("2025-03-04 was never seen").isFalse();
        assertThatThrownBy(skipped::high).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dailyBarsEachCompleteTheirDay() {
        PriorDayRange range = new PriorDayRange();
        Duration day = Duration.ofDays(1);
        range.update(DAY_ONE, DAY_ONE.plus(day).minusMillis(1), 120, 80);
        range.update(DAY_ONE.plus(day), DAY_ONE.plus(day.multipliedBy(2)).minusMillis(1), 130, 85);
        assertThat(range.high()).isEqualTo(120);
        assertThat(range.low()).isEqualTo(80);
    }
}
