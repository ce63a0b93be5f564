package dev.peregrine.execution.adapter.out.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NewOrderTest {

    @Test
    void aMarketOrderSendsItsQuantityAsAPlainDecimalAndAsksForAFullAnswer() {
        NewOrder order = NewOrder.market("BTCUSDT", OrderSide.BUY, new BigDecimal("1E-8"), "pg-1");

        assertThat(order.parameters())
                .containsExactly(
                        java.util.Map.entry("symbol", "BTCUSDT"), java.util.Map.entry("side", "BUY"),
                        java.util.Map.entry("type", "MARKET"), java.util.Map.entry("quantity", "0.00000001"),
                        java.util.Map.entry("newClientOrderId", "pg-1"),
                                java.util.Map.entry("newOrderRespType", "FULL"));
    }

    @Test
    void aLimitOrderKeepsTheDecimalsGivenAndItsTimeInForce() {
        NewOrder order = NewOrder.limit(
                "BTCUSDT",
                OrderSide.SELL,
                new BigDecimal("0.50000"),
                new BigDecimal("6.5E+4"),
                TimeInForce.IOC,
                "tp_2");

        assertThat(order.parameters())
                .containsEntry("quantity", "0.50000")
                .containsEntry("price", "65000")
                .containsEntry("timeInForce", "IOC")
                .containsEntry("type", "LIMIT");
    }

    @Test
    void malformedOrdersAreRefusedBeforeAnythingIsSent() {
        BigDecimal one = BigDecimal.ONE;
        assertThatThrownBy(() -> NewOrder.market("BTCUSDT", OrderSide.BUY, one, "has space"))
                .hasMessageContaining("clientOrderId");
        assertThatThrownBy(() -> NewOrder.market("BTCUSDT", OrderSide.BUY, one, "x".repeat(37)))
                .hasMessageContaining("clientOrderId");
        assertThatThrownBy(() -> NewOrder.market("BTCUSDT", OrderSide.BUY, BigDecimal.ZERO, "a"))
                .hasMessageContaining("quantity must be positive");
        assertThatThrownBy(() -> NewOrder.limit("BTCUSDT", OrderSide.BUY, one, null, TimeInForce.GTC, "a"))
                .hasMessageContaining("price");
        assertThatThrownBy(
                        () -> new NewOrder("BTCUSDT", OrderSide.BUY, VenueOrderType.MARKET, one, one, null, "a", null))
                .hasMessageContaining("MARKET order has no price");
        assertThatThrownBy(() -> new NewOrder(
                        "BTCUSDT", OrderSide.BUY, VenueOrderType.STOP_LOSS_LIMIT, one, null, null, "a", null))
                .hasMessageContaining("only MARKET, LIMIT, LIMIT_MAKER and STOP_LOSS");
    }
}
