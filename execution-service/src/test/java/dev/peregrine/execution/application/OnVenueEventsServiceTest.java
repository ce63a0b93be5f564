package dev.peregrine.execution.application;

import static dev.peregrine.execution.fixtures.Events.SIGNAL_CLOSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.execution.application.port.out.VenueLookup;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.execution.fixtures.Events;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** User-data events only trigger lookups: the venue's answer settles the order, whatever the event said. */
class OnVenueEventsServiceTest {

    private final Harness h = new Harness();
    private final List<AccountSnapshot> published = new ArrayList<>();
    private final OnVenueEventsService events = new OnVenueEventsService(
            h.orders,
            h.execution,
            h.resolveOrders,
            new ReconcileWithVenueService(
                    h.orders,
                    h.venue,
                    h.execution,
                    h.resolveOrders,
                    (kind, id, detail, at) -> {},
                    h.locks,
                    new VenueGate(),
                    h.clock),
            published::add,
            h.locks,
            h.venue,
            () -> java.util.UUID.randomUUID(),
            h.clock);

    @Test
    void anEventAboutAnUnknownOrderResolvesItAtOnceWhateverItsBackOff() {
        h.venue.answerNextSubmit(new dev.peregrine.execution.application.port.out.VenueSubmission.Unknown("timeout"));
        h.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE));
        h.venue.answerNextLookup(new VenueLookup.Unanswered("503"));
        h.resolveOrders.resolveDue(); // now in back-off

        Order after = events.orderChanged("pg-1").orElseThrow();

        assertThat(after.state()).isEqualTo(OrderState.ACCEPTED);
    }

    @Test
    void aDuplicatedEventChangesNothingTheFirstDidNot() {
        h.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-2", "0.5", SIGNAL_CLOSE));
        h.observeMarket.observe(Events.candle("BTCUSDT", SIGNAL_CLOSE.plusMillis(1), "100"));
        int reports = h.publisher.published().size();

        events.orderChanged("pg-2");
        events.orderChanged("pg-2");

        assertThat(h.orders.find("pg-2").orElseThrow().state()).isEqualTo(OrderState.FILLED);
        assertThat(h.publisher.published()).hasSize(reports);
    }

    @Test
    void anEventAboutAnOrderPeregrineNeverPlacedIsIgnored() {
        assertThat(events.orderChanged("placed-by-hand")).isEmpty();
    }

    @Test
    void aGapReconcilesAndThePaperVenueHasNoAccountOfItsOwnToPublish() {
        assertThat(events.streamGap("reconnected").complete()).isTrue();
        assertThat(published).isEmpty();
    }
}
