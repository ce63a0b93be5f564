package dev.peregrine.execution.adapter.out.binance;

import static dev.peregrine.execution.adapter.out.binance.RequestBudget.Priority.LOOKUP;
import static dev.peregrine.execution.adapter.out.binance.RequestBudget.Priority.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T00:00:00Z"));
    private final RequestBudget budget = new RequestBudget(100, 0.7, clock);

    @Test
    void lookupsStopAtTheirShareSoOrdersKeepRoom() {
        assertThat(budget.admit(70, LOOKUP)).isEmpty();
        assertThat(budget.admit(4, LOOKUP)).as("70 of 70 used by lookups").isPresent();
        assertThat(budget.admit(30, ORDER)).isEmpty();
        assertThat(budget.admit(1, ORDER))
                .as("the whole minute's weight is used")
                .isPresent();
    }

    @Test
    void weightComesBackAMinuteAfterItWasSpent() {
        budget.admit(60, LOOKUP);
        clock.advance(Duration.ofSeconds(30));
        budget.admit(40, ORDER);

        Optional<Duration> wait = budget.admit(10, LOOKUP);
        assertThat(wait).contains(Duration.ofSeconds(30).plusMillis(1));

        clock.advance(Duration.ofSeconds(31));
        assertThat(budget.admit(10, LOOKUP)).isEmpty();
    }

    @Test
    void aRetryAfterStopsEveryRequestUntilItHasPassed() {
        budget.backOff(Optional.of(Duration.ofSeconds(7)));

        assertThat(budget.admit(1, ORDER)).contains(Duration.ofSeconds(7));
        clock.advance(Duration.ofSeconds(7));
        assertThat(budget.admit(1, ORDER)).isEmpty();
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsOutBinancesMinute() {
        budget.backOff(Optional.empty());

        assertThat(budget.admit(1, LOOKUP)).contains(Duration.ofMinutes(1));
    }
}
