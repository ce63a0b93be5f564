package dev.peregrine.execution.application;

import static dev.peregrine.execution.fixtures.Events.SIGNAL_CLOSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.execution.domain.IntentFreshness;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.execution.domain.RejectionCodes;
import dev.peregrine.execution.domain.SafetyChecks;
import dev.peregrine.execution.fixtures.Events;
import dev.peregrine.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** On a live venue an intent too old by the venue's clock is refused before anything is sent. */
class StaleIntentTest {

    private final Harness h = new Harness();
    private final MutableClock venueClock = new MutableClock(SIGNAL_CLOSE.plusSeconds(3));
    private final PlaceOrderService live = new PlaceOrderService(
            h.orders,
            h.venue,
            new SafetyChecks(new BigDecimal("100000")),
            h.execution,
            h.reports,
            h.publisher,
            h.metrics,
            h.locks,
            h.clock,
            IntentFreshness.within(Duration.ofSeconds(10)),
            venueClock);

    @Test
    void anIntentWithinItsAgeIsSent() {
        Order placed = live.place(Events.marketIntent("BTCUSDT", "pg-fresh", "0.5", SIGNAL_CLOSE));

        assertThat(placed.state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(h.venue.sent()).containsExactly("pg-fresh");
    }

    @Test
    void anIntentOlderThanItsAgeByTheVenuesClockIsRefusedAndNeverSent() {
        venueClock.advance(Duration.ofSeconds(8));

        Order placed = live.place(Events.marketIntent("BTCUSDT", "pg-stale", "0.5", SIGNAL_CLOSE));

        assertThat(placed.state()).isEqualTo(OrderState.REJECTED);
        assertThat(placed.rejectReason().code()).isEqualTo(RejectionCodes.STALE_INTENT);
        assertThat(placed.rejectReason().detail()).contains("11000 ms old");
        assertThat(h.venue.sent()).isEmpty();
    }

    @Test
    void aStaleExitIsRefusedToo() {
        venueClock.advance(Duration.ofHours(1));

        Order placed = live.place(Events.exit("BTCUSDT", "pg-old-exit", "0.5", SIGNAL_CLOSE));

        assertThat(placed.state()).isEqualTo(OrderState.REJECTED);
        assertThat(h.venue.sent()).isEmpty();
    }

    @Test
    void paperTradingJudgesTimeByTheMarketDataSoAgeIsNeverChecked() {
        venueClock.advance(Duration.ofDays(300));

        assertThat(h.placeOrder
                        .place(Events.marketIntent("BTCUSDT", "pg-replayed", "0.5", SIGNAL_CLOSE))
                        .state())
                .isEqualTo(OrderState.ACCEPTED);
    }
}
