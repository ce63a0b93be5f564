package dev.peregrine.execution.adapter.out.paper;

import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.out.VenueSubmission;
import dev.peregrine.execution.domain.Causation;
import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.MarketOpen;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderTerms;
import dev.peregrine.execution.domain.PaperFillRule;
import dev.peregrine.execution.fixtures.Events;
import dev.peregrine.execution.fixtures.InMemoryMarketOpenStore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static dev.peregrine.execution.fixtures.Events.SIGNAL_CLOSE;
import static org.assertj.core.api.Assertions.assertThat;

class PaperVenueTest {

    private final InMemoryMarketOpenStore opens = new InMemoryMarketOpenStore();
    private final PaperVenue venue = new PaperVenue(opens, new PaperFillRule(new BigDecimal("0.001"), "USDT"));

    private static Order order(String clientOrderId) {
        OrderIntentCreated intent = Events.marketIntent("BTCUSDT", clientOrderId, "2", SIGNAL_CLOSE);
        OrderTerms terms = new OrderTerms(intent.clientOrderId(), intent.intentId(), intent.strategyId(), intent.symbol(),
                intent.side(), intent.orderType(), intent.quantity(), null, intent.notBefore(),
                new Causation(intent.envelope().correlationId(), intent.envelope().eventId(), intent.envelope().eventTime()));
        return Order.open(terms, PaperVenue.NAME, Instant.parse("2024-03-01T09:15:00.700Z")).order();
    }

    private void open(Instant openTime, String price) {
        opens.record(new MarketOpen(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES, openTime, Price.of(price)));
    }

    @Test
    void acceptsEveryOrderUnderAnIdDerivedFromItsClientOrderId() {
        VenueSubmission first = venue.submit(order("pg-1"));

        assertThat(first).isEqualTo(venue.submit(order("pg-1")));
        assertThat(first).isNotEqualTo(venue.submit(order("pg-2")));
        assertThat(first).isInstanceOfSatisfying(VenueSubmission.Acknowledged.class,
                ack -> assertThat(ack.venueOrderId()).startsWith("paper-"));
    }

    @Test
    void executesAtTheFirstOpenAfterNotBeforeWhateverElseIsKnown() {
        assertThat(venue.executionOf(order("pg-1"))).isEmpty();

        open(SIGNAL_CLOSE.minus(Duration.ofMinutes(15)).plusMillis(1), "90");
        open(SIGNAL_CLOSE.plusMillis(1).plus(Duration.ofMinutes(15)), "110");
        assertThat(venue.executionOf(order("pg-1"))).get().extracting(Fill::price).isEqualTo(Price.of("110"));

        open(SIGNAL_CLOSE.plusMillis(1), "100");
        assertThat(venue.executionOf(order("pg-1"))).get().satisfies(fill -> {
            assertThat(fill.price()).isEqualTo(Price.of("100"));
            assertThat(fill.marketTime()).isEqualTo(SIGNAL_CLOSE.plusMillis(1));
            assertThat(fill.fee().amount()).isEqualByComparingTo("0.2");
        });
    }
}
