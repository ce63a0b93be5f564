package dev.peregrine.execution.adapter.out.paper;

import static dev.peregrine.execution.fixtures.Events.SIGNAL_CLOSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.out.VenueSubmission;
import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.MarketCandle;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderRole;
import dev.peregrine.execution.domain.OrderTerms;
import dev.peregrine.execution.domain.PaperFillRule;
import dev.peregrine.execution.fixtures.InMemoryMarketCandleStore;
import dev.peregrine.execution.fixtures.Terms;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaperVenueTest {

    private static final Instant T = Instant.parse("2024-03-01T09:15:00.700Z");
    private static final Instant NEXT_OPEN = SIGNAL_CLOSE.plusMillis(1);

    private final InMemoryMarketCandleStore candles = new InMemoryMarketCandleStore();
    private final PaperVenue venue =
            new PaperVenue(candles, new PaperFillRule(new BigDecimal("0.001"), "USDT", BigDecimal.ZERO));

    private static Order order(String clientOrderId) {
        return Order.open(Terms.entry(clientOrderId, "2", SIGNAL_CLOSE), PaperVenue.NAME, T)
                .order();
    }

    private static Order stopLeg() {
        OrderTerms terms = Terms.of(
                "pg-stop",
                Side.SELL,
                OrderType.MARKET,
                "2",
                null,
                NEXT_OPEN,
                OrderRole.protective(OrderPurpose.STOP_LOSS, "pg-1", Price.of("95"), Price.of("110")));
        return Order.open(terms, PaperVenue.NAME, T).order();
    }

    private void candle(Instant openTime, String open, String high, String low) {
        candles.record(new MarketCandle(
                Symbol.of("BTCUSDT"),
                Interval.FIFTEEN_MINUTES,
                openTime,
                Price.of(open),
                Price.of(high),
                Price.of(low),
                Price.of(open)));
    }

    private void candle(Instant openTime, String open) {
        candle(openTime, open, open, open);
    }

    @Test
    void acceptsEveryOrderUnderAnIdDerivedFromItsClientOrderId() {
        VenueSubmission first = venue.submit(order("pg-1"));

        assertThat(first).isEqualTo(venue.submit(order("pg-1")));
        assertThat(first).isNotEqualTo(venue.submit(order("pg-2")));
        assertThat(first)
                .isInstanceOfSatisfying(
                        VenueSubmission.Acknowledged.class,
                        ack -> assertThat(ack.venueOrderId()).startsWith("paper-"));
    }

    @Test
    void executesAtTheFirstOpenAfterNotBeforeWhateverElseIsKnown() {
        assertThat(venue.executionOf(order("pg-1"))).isEmpty();

        candle(SIGNAL_CLOSE.minus(Duration.ofMinutes(15)).plusMillis(1), "90");
        candle(NEXT_OPEN.plus(Duration.ofMinutes(15)), "110");
        assertThat(venue.executionOf(order("pg-1")))
                .get()
                .extracting(Fill::price)
                .isEqualTo(Price.of("110"));

        candle(NEXT_OPEN, "100");
        assertThat(venue.executionOf(order("pg-1"))).get().satisfies(fill -> {
            assertThat(fill.price()).isEqualTo(Price.of("100"));
            assertThat(fill.marketTime()).isEqualTo(NEXT_OPEN);
            assertThat(fill.fee().amount()).isEqualByComparingTo("0.2");
        });
    }

    @Test
    void aProtectiveLegExecutesOnTheFirstCandleFromItsNotBeforeThatReachesItsPair() {
        candle(NEXT_OPEN.minus(Duration.ofMinutes(15)), "100", "100", "90");
        candle(NEXT_OPEN, "100", "101", "99");
        assertThat(venue.executionOf(stopLeg()))
                .as("the candle before the entry's fill does not count")
                .isEmpty();

        candle(NEXT_OPEN.plus(Duration.ofMinutes(30)), "96", "97", "94");
        assertThat(venue.executionOf(stopLeg()))
                .get()
                .extracting(Fill::marketTime)
                .isEqualTo(NEXT_OPEN.plus(Duration.ofMinutes(30)));

        // A candle arriving late but opening earlier decides: the lookup is over everything stored.
        candle(NEXT_OPEN.plus(Duration.ofMinutes(15)), "100", "111", "99");
        assertThat(venue.executionOf(stopLeg()))
                .as("that candle filled the take-profit instead")
                .isEmpty();
    }
}
