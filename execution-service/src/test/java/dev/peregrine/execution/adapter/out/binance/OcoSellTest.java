package dev.peregrine.execution.adapter.out.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OcoSellTest {

    @Test
    void aSellOcoSendsALimitMakerAboveAndAStopLossBelowAsPlainDecimals() {
        OcoSell oco = new OcoSell(
                "BTCUSDT",
                new BigDecimal("9.99E-1"),
                new BigDecimal("1.0101E+2"),
                new BigDecimal("99.50"),
                "pg-tp",
                "pg-sl",
                "pl-1");

        assertThat(oco.parameters())
                .containsExactly(
                        Map.entry("symbol", "BTCUSDT"),
                        Map.entry("listClientOrderId", "pl-1"),
                        Map.entry("side", "SELL"),
                        Map.entry("quantity", "0.999"),
                        Map.entry("aboveType", "LIMIT_MAKER"),
                        Map.entry("aboveClientOrderId", "pg-tp"),
                        Map.entry("abovePrice", "101.01"),
                        Map.entry("belowType", "STOP_LOSS"),
                        Map.entry("belowClientOrderId", "pg-sl"),
                        Map.entry("belowStopPrice", "99.50"),
                        Map.entry("newOrderRespType", "FULL"));
    }

    @Test
    void malformedListsAreRefusedBeforeAnythingIsSent() {
        BigDecimal one = BigDecimal.ONE;
        BigDecimal two = BigDecimal.TWO;
        assertThatThrownBy(() -> new OcoSell("BTCUSDT", one, one, two, "a", "b", "c"))
                .hasMessageContaining("above the stop");
        assertThatThrownBy(() -> new OcoSell("BTCUSDT", BigDecimal.ZERO, two, one, "a", "b", "c"))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new OcoSell("BTCUSDT", one, two, one, "a", "b", "x".repeat(37)))
                .hasMessageContaining("client ids");
    }

    @Test
    void theListClientOrderIdIsDerivedFromBothLegsAndFitsBinancesRule() {
        String id = BinanceVenue.listClientOrderIdOf("pg-take-profit", "pg-stop");

        assertThat(id)
                .isEqualTo(BinanceVenue.listClientOrderIdOf("pg-take-profit", "pg-stop"))
                .isNotEqualTo(BinanceVenue.listClientOrderIdOf("pg-stop", "pg-take-profit"))
                .matches("^[a-zA-Z0-9-_]{1,36}$");
    }

    @Test
    void pricesGoOnTheTickTheWayAskedAndQuantitiesDownOnTheStep() {
        SymbolFilters filters = new SymbolFilters(
                "BTCUSDT", new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("0.00001"));

        assertThat(filters.price(new BigDecimal("99.505"), RoundingMode.FLOOR).toPlainString())
                .isEqualTo("99.5");
        assertThat(filters.price(new BigDecimal("101.001"), RoundingMode.CEILING)
                        .toPlainString())
                .isEqualTo("101.01");
        assertThat(filters.price(new BigDecimal("100"), RoundingMode.CEILING).toPlainString())
                .isEqualTo("100");
        assertThat(filters.quantity(new BigDecimal("0.9999999")).toPlainString())
                .isEqualTo("0.99999");
    }

    @Test
    void singleProtectiveOrdersAreAStopLossWithAStopPriceOrALimitMakerWithAPrice() {
        assertThat(NewOrder.stopLoss("BTCUSDT", OrderSide.SELL, BigDecimal.ONE, new BigDecimal("99.5"), "sl")
                        .parameters())
                .containsEntry("type", "STOP_LOSS")
                .containsEntry("stopPrice", "99.5")
                .doesNotContainKey("price")
                .doesNotContainKey("timeInForce");
        assertThat(NewOrder.limitMaker("BTCUSDT", OrderSide.SELL, BigDecimal.ONE, new BigDecimal("101"), "tp")
                        .parameters())
                .containsEntry("type", "LIMIT_MAKER")
                .containsEntry("price", "101")
                .doesNotContainKey("stopPrice")
                .doesNotContainKey("timeInForce");
    }

    @Test
    void theCancelOfAListsOrderIsReadFromTheListsReports() {
        String answer = """
                {"orderListId":1,"contingencyType":"OCO","listStatusType":"ALL_DONE","listOrderStatus":"ALL_DONE",
                 "listClientOrderId":"pl-1","transactionTime":1,"symbol":"BTCUSDT",
                 "orders":[{"symbol":"BTCUSDT","orderId":2,"clientOrderId":"sl"},{"symbol":"BTCUSDT","orderId":3,"clientOrderId":"tp"}],
                 "orderReports":[
                  {"symbol":"BTCUSDT","origClientOrderId":"sl","orderId":2,"orderListId":1,"clientOrderId":"c","transactTime":5,
                   "price":"0.00000000","origQty":"1.00000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000",
                   "status":"CANCELED","timeInForce":"GTC","type":"STOP_LOSS","side":"SELL","stopPrice":"99.00000000"},
                  {"symbol":"BTCUSDT","origClientOrderId":"tp","orderId":3,"orderListId":1,"clientOrderId":"c","transactTime":5,
                   "price":"101.00000000","origQty":"1.00000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000",
                   "status":"CANCELED","timeInForce":"GTC","type":"LIMIT_MAKER","side":"SELL"}]}""";

        VenueOrder canceled = BinanceJson.canceledOrder(BinanceJson.tree(answer), "tp");

        assertThat(canceled.orderId()).isEqualTo(3);
        assertThat(canceled.status()).isEqualTo(VenueOrderStatus.CANCELED);
        assertThat(canceled.orderListId()).isEqualTo(1);
        assertThat(BinanceJson.placedList(BinanceJson.tree(answer)).orderIdOf("sl"))
                .contains(2L);
    }
}
