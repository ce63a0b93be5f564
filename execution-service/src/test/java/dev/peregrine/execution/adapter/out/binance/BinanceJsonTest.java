package dev.peregrine.execution.adapter.out.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Binance's documented answers (rest-api.md examples) read into the adapter's types. */
class BinanceJsonTest {

    private static final String FULL = """
            {"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP",
             "transactTime":1507725176595,"price":"0.00000000","origQty":"10.00000000","executedQty":"10.00000000",
             "cummulativeQuoteQty":"10.00000000","status":"FILLED","timeInForce":"GTC","type":"MARKET","side":"SELL",
             "workingTime":1507725176595,"selfTradePreventionMode":"NONE",
             "fills":[{"price":"4000.00000000","qty":"1.00000000","commission":"4.00000000","commissionAsset":"USDT","tradeId":56},
                      {"price":"3999.00000000","qty":"5.00000000","commission":"19.99500000","commissionAsset":"USDT","tradeId":57}]}
            """;

    @Test
    void aFullNewOrderAnswerKeepsEveryDecimalExactlyAsSent() {
        PlacedOrder order = BinanceJson.placedOrder(BinanceJson.tree(FULL));

        assertThat(order.orderId()).isEqualTo(28);
        assertThat(order.clientOrderId()).isEqualTo("6gCrw2kRUAF9CvJDGP16IP");
        assertThat(order.status()).isEqualTo(VenueOrderStatus.FILLED);
        assertThat(order.side()).isEqualTo(OrderSide.SELL);
        assertThat(order.executedQty().toPlainString()).isEqualTo("10.00000000");
        assertThat(order.transactTime()).isEqualTo(Instant.ofEpochMilli(1507725176595L));
        assertThat(order.fills())
                .containsExactly(
                        new PlacedOrder.Fill(
                                new BigDecimal("4000.00000000"),
                                new BigDecimal("1.00000000"),
                                new BigDecimal("4.00000000"),
                                "USDT",
                                56),
                        new PlacedOrder.Fill(
                                new BigDecimal("3999.00000000"),
                                new BigDecimal("5.00000000"),
                                new BigDecimal("19.99500000"),
                                "USDT",
                                57));
    }

    @Test
    void aQueriedOrderAndACancelAnswerReadAsVenueOrders() {
        VenueOrder queried = BinanceJson.order(BinanceJson.tree("""
                {"symbol":"LTCBTC","orderId":1,"orderListId":-1,"clientOrderId":"myOrder1","price":"0.1",
                 "origQty":"1.0","executedQty":"0.0","cummulativeQuoteQty":"0.0","status":"PARTIALLY_FILLED",
                 "timeInForce":"GTC","type":"LIMIT","side":"BUY","stopPrice":"0.0","icebergQty":"0.0",
                 "time":1499827319559,"updateTime":1499827319560,"isWorking":true,"workingTime":1499827319559,
                 "origQuoteOrderQty":"0.000000","selfTradePreventionMode":"NONE"}
                """));
        VenueOrder canceled = BinanceJson.canceledOrder(BinanceJson.tree("""
                {"symbol":"LTCBTC","origClientOrderId":"myOrder1","orderId":4,"orderListId":-1,
                 "clientOrderId":"cancelMyOrder1","transactTime":1684804350068,"price":"2.00000000",
                 "origQty":"1.00000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000",
                 "status":"CANCELED","timeInForce":"GTC","type":"LIMIT","side":"BUY","selfTradePreventionMode":"NONE"}
                """));

        assertThat(queried)
                .isEqualTo(new VenueOrder(
                        "LTCBTC",
                        1,
                        "myOrder1",
                        VenueOrderStatus.PARTIALLY_FILLED,
                        VenueOrderType.LIMIT,
                        OrderSide.BUY,
                        new BigDecimal("0.1"),
                        new BigDecimal("1.0"),
                        new BigDecimal("0.0"),
                        new BigDecimal("0.0"),
                        Instant.ofEpochMilli(1499827319560L),
                        -1));
        assertThat(canceled.clientOrderId()).isEqualTo("myOrder1");
        assertThat(canceled.status()).isEqualTo(VenueOrderStatus.CANCELED);
        assertThat(canceled.updateTime()).isEqualTo(Instant.ofEpochMilli(1684804350068L));
    }

    @Test
    void tradesAccountAndApiRestrictions() {
        assertThat(BinanceJson.trades(BinanceJson.tree("""
                [{"symbol":"BNBBTC","id":28457,"orderId":100234,"orderListId":-1,"price":"4.00000100","qty":"12.00000000",
                  "quoteQty":"48.000012","commission":"10.10000000","commissionAsset":"BNB","time":1499865549590,
                  "isBuyer":true,"isMaker":false,"isBestMatch":true}]
                """)))
                .containsExactly(new AccountTrade(
                        "BNBBTC",
                        28457,
                        100234,
                        new BigDecimal("4.00000100"),
                        new BigDecimal("12.00000000"),
                        new BigDecimal("48.000012"),
                        new BigDecimal("10.10000000"),
                        "BNB",
                        Instant.ofEpochMilli(1499865549590L),
                        true,
                        false));

        AccountSnapshot account = BinanceJson.account(BinanceJson.tree("""
                {"makerCommission":15,"canTrade":true,"canWithdraw":false,"canDeposit":true,"accountType":"SPOT",
                 "balances":[{"asset":"BTC","free":"4723846.89208129","locked":"0.00000000"},
                             {"asset":"LTC","free":"4763368.68006011","locked":"1.00000000"}],"permissions":["SPOT"]}
                """));
        assertThat(account.canTrade()).isTrue();
        assertThat(account.canWithdraw()).isFalse();
        assertThat(account.balance("LTC"))
                .contains(new AccountSnapshot.Balance(
                        "LTC", new BigDecimal("4763368.68006011"), new BigDecimal("1.00000000")));

        assertThat(BinanceJson.apiRestrictions(BinanceJson.tree("""
                {"ipRestrict":false,"createTime":1698645219000,"enableReading":true,"enableWithdrawals":false,
                 "enableInternalTransfer":false,"enableMargin":false,"enableFutures":false,"permitsUniversalTransfer":false,
                 "enableVanillaOptions":false,"enableFixApiTrade":false,"enableFixReadOnly":true,
                 "enableSpotAndMarginTrading":true,"enablePortfolioMarginTrading":true}
                """)))
                .isEqualTo(new ApiRestrictions(false, true, true, false, false, false, false, false));
        assertThat(BinanceJson.serverTime(BinanceJson.tree("{\"serverTime\":1499827319559}")))
                .isEqualTo(Instant.ofEpochMilli(1499827319559L));
    }

    @Test
    void aMissingFieldAnUnknownStatusOrANumberForADecimalIsRefused() {
        assertThatThrownBy(() -> BinanceJson.placedOrder(BinanceJson.tree(FULL.replace("\"fills\"", "\"fillz\""))))
                .hasMessageContaining("missing field fills");
        assertThatThrownBy(() -> BinanceJson.placedOrder(BinanceJson.tree(FULL.replace("\"FILLED\"", "\"HALF_DONE\""))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HALF_DONE");
        assertThatThrownBy(() -> BinanceJson.placedOrder(BinanceJson.tree(FULL.replace("\"10.00000000\"", "10.0"))))
                .hasMessageContaining("is not a string");
    }
}
