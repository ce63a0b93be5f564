package dev.peregrine.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.fixtures.Terms;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtectivePairTest {

    private static final Instant NOT_BEFORE = Instant.parse("2024-03-01T09:14:59.999Z");
    private static final Instant FILL_CANDLE = NOT_BEFORE.plusMillis(1);
    private static final Instant T = Instant.parse("2024-03-01T09:15:00.700Z");

    private static Order filledEntry(String stop, String takeProfit, Money fee) {
        OrderTerms terms = Terms.entry(
                "pg-entry-1",
                OrderType.MARKET,
                "0.5",
                NOT_BEFORE,
                OrderRole.entry(
                        stop == null ? null : Price.of(stop), takeProfit == null ? null : Price.of(takeProfit)));
        return Order.open(terms, "paper", T)
                .order()
                .accept("paper-1", T)
                .order()
                .fill(new Fill(Price.of("100.02"), fee, FILL_CANDLE, Price.of("100")), T)
                .order();
    }

    private static Order filledEntry(String stop, String takeProfit) {
        return filledEntry(stop, takeProfit, Money.of("0.05001", "USDT"));
    }

    @Test
    void aFilledEntryRestsAStopLossAndATakeProfitSellingWhatItBought() {
        Order entry = filledEntry("95", "110");

        List<OrderTerms> legs = ProtectivePair.legsOf(entry);

        assertThat(legs)
                .extracting(OrderTerms::purpose)
                .containsExactly(OrderPurpose.STOP_LOSS, OrderPurpose.TAKE_PROFIT);
        assertThat(legs).allSatisfy(leg -> {
            assertThat(leg.side()).isEqualTo(Side.SELL);
            assertThat(leg.quantity()).isEqualTo(Quantity.of("0.5"));
            assertThat(leg.notBefore()).as("rests from the fill candle on").isEqualTo(FILL_CANDLE);
            assertThat(leg.causation()).isEqualTo(entry.causation());
            assertThat(leg.strategyId()).isEqualTo(entry.terms().strategyId());
            assertThat(leg.symbol()).isEqualTo(Symbol.of("BTCUSDT"));
            assertThat(leg.role().parentClientOrderId()).isEqualTo("pg-entry-1");
            assertThat(leg.role().stopLoss()).isEqualTo(Price.of("95"));
            assertThat(leg.role().takeProfit()).isEqualTo(Price.of("110"));
            assertThat(leg.clientOrderId()).matches("pg-[0-9a-f]{32}").hasSizeLessThanOrEqualTo(36);
        });
        assertThat(legs.get(0).type()).isEqualTo(OrderType.MARKET);
        assertThat(legs.get(1).type()).isEqualTo(OrderType.LIMIT);
        assertThat(legs.get(1).limitPrice()).isEqualTo(Price.of("110"));
        assertThat(legs.get(0).clientOrderId()).isNotEqualTo(legs.get(1).clientOrderId());
        assertThat(legs.get(0).intentId()).isNotEqualTo(legs.get(1).intentId()).isNotEqualTo(entry.intentId());
    }

    @Test
    void theLegsIdsDeriveFromTheEntrySoAReplayDerivesTheSameLegs() {
        assertThat(ProtectivePair.legsOf(filledEntry("95", "110")))
                .isEqualTo(ProtectivePair.legsOf(filledEntry("95", "110")));
        assertThat(ProtectivePair.clientOrderIdOf(OrderPurpose.STOP_LOSS, "pg-entry-1"))
                .isNotEqualTo(ProtectivePair.clientOrderIdOf(OrderPurpose.STOP_LOSS, "pg-entry-2"));
    }

    @Test
    void eachLegNamesTheOtherOne() {
        List<OrderTerms> legs = ProtectivePair.legsOf(filledEntry("95", "110"));
        Order stop = Order.open(legs.get(0), "paper", T).order();
        Order target = Order.open(legs.get(1), "paper", T).order();

        assertThat(ProtectivePair.otherLegOf(stop)).isEqualTo(target.clientOrderId());
        assertThat(ProtectivePair.otherLegOf(target)).isEqualTo(stop.clientOrderId());
        assertThatThrownBy(() -> ProtectivePair.otherLegOf(filledEntry("95", "110")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryWithOneLevelRestsOneLegAndOneWithoutNone() {
        assertThat(ProtectivePair.legsOf(filledEntry("95", null)))
                .extracting(OrderTerms::purpose)
                .containsExactly(OrderPurpose.STOP_LOSS);
        assertThat(ProtectivePair.legsOf(filledEntry(null, "110")))
                .extracting(OrderTerms::purpose)
                .containsExactly(OrderPurpose.TAKE_PROFIT);
        assertThat(ProtectivePair.legsOf(filledEntry(null, null))).isEmpty();
    }

    @Test
    void aFeeChargedInTheBaseAssetIsNotSold() {
        assertThat(ProtectivePair.protectedQuantity(filledEntry("95", "110", Money.of("0.0005", "BTC"))))
                .isEqualTo(Quantity.of("0.4995"));
        assertThat(ProtectivePair.protectedQuantity(filledEntry("95", "110", Money.of("0.0005", "BNB"))))
                .isEqualTo(Quantity.of("0.5"));
        assertThat(ProtectivePair.legsOf(filledEntry("95", "110", Money.of("0.0005", "BTC"))))
                .allSatisfy(leg -> assertThat(leg.quantity()).isEqualTo(Quantity.of("0.4995")));
    }

    @Test
    void onlyAFilledEntryRestsAPair() {
        Order accepted = Order.open(
                        Terms.entry(
                                "pg-entry-1",
                                OrderType.MARKET,
                                "0.5",
                                NOT_BEFORE,
                                OrderRole.entry(Price.of("95"), Price.of("110"))),
                        "paper",
                        T)
                .order()
                .accept("paper-1", T)
                .order();

        assertThatThrownBy(() -> ProtectivePair.legsOf(accepted)).isInstanceOf(IllegalArgumentException.class);
    }
}
