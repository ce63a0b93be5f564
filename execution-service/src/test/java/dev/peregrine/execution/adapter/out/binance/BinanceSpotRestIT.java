package dev.peregrine.execution.adapter.out.binance;

import static dev.peregrine.execution.adapter.out.binance.SimulatedBinance.SYMBOL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.exchangesim.SpotOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every call of the client against exchange-sim's matching engine over real sockets, answers typed. */
class BinanceSpotRestIT {

    @RegisterExtension
    final SimulatedBinance binance = SimulatedBinance.perTest();

    @Test
    void aMarketBuyFillsWithItsCommissionInTheAssetReceivedAndItsTradesAndBalancesAgree() {
        PlacedOrder buy =
                ok(binance.rest.newOrder(NewOrder.market(SYMBOL, OrderSide.BUY, new BigDecimal("2"), "buy-1")));

        assertThat(buy.orderId()).isEqualTo(1);
        assertThat(buy.clientOrderId()).isEqualTo("buy-1");
        assertThat(buy.status()).isEqualTo(VenueOrderStatus.FILLED);
        assertThat(buy.type()).isEqualTo(VenueOrderType.MARKET);
        assertThat(buy.side()).isEqualTo(OrderSide.BUY);
        assertThat(buy.executedQty()).isEqualByComparingTo("2");
        assertThat(buy.cummulativeQuoteQty().toPlainString()).isEqualTo("201.00000000");
        assertThat(buy.transactTime()).isEqualTo(binance.exchange.serverTime());
        assertThat(buy.fills())
                .containsExactly(new PlacedOrder.Fill(
                        new BigDecimal("100.50000000"),
                        new BigDecimal("2.00000000"),
                        new BigDecimal("0.00200000"),
                        "BTC",
                        1));

        List<AccountTrade> trades = ok(binance.rest.myTrades(SYMBOL, buy.orderId()));
        assertThat(trades).singleElement().satisfies(trade -> {
            assertThat(trade.id()).isEqualTo(1);
            assertThat(trade.orderId()).isEqualTo(1);
            assertThat(trade.quoteQty()).isEqualByComparingTo("201");
            assertThat(trade.commission()).isEqualByComparingTo("0.002");
            assertThat(trade.commissionAsset()).isEqualTo("BTC");
            assertThat(trade.buyer()).isTrue();
            assertThat(trade.maker()).isFalse();
        });
        AccountSnapshot account = ok(binance.rest.account());
        assertThat(account.canTrade()).isTrue();
        assertThat(account.balance("USDT").orElseThrow().free()).isEqualByComparingTo("799");
        assertThat(account.balance("BTC").orElseThrow().free()).isEqualByComparingTo("3.998");
    }

    @Test
    void aLimitBuyRestsIsFoundByItsClientOrderIdAndFillsAsMakerWhenTheMarketTradesThroughIt() {
        PlacedOrder placed = ok(binance.rest.newOrder(NewOrder.limit(
                SYMBOL, OrderSide.BUY, new BigDecimal("1"), new BigDecimal("99.00"), TimeInForce.GTC, "dip-1")));
        assertThat(placed.status()).isEqualTo(VenueOrderStatus.NEW);
        assertThat(placed.fills()).isEmpty();
        assertThat(ok(binance.rest.openOrders(SYMBOL)))
                .extracting(VenueOrder::clientOrderId)
                .containsExactly("dip-1");

        VenueOrder resting = ok(binance.rest.queryOrder(SYMBOL, "dip-1"));
        assertThat(resting.orderId()).isEqualTo(placed.orderId());
        assertThat(resting.status()).isEqualTo(VenueOrderStatus.NEW);
        assertThat(resting.type()).isEqualTo(VenueOrderType.LIMIT);
        assertThat(resting.price()).isEqualByComparingTo("99");
        assertThat(resting.origQty()).isEqualByComparingTo("1");
        assertThat(resting.executedQty()).isEqualByComparingTo("0");
        assertThat(resting.orderListId()).isEqualTo(-1);
        assertThat(ok(binance.rest.account()).balance("USDT").orElseThrow().locked())
                .isEqualByComparingTo("99");

        binance.exchange.advance(2); // k2 trades down to 98.90

        VenueOrder filled = ok(binance.rest.queryOrder(SYMBOL, "dip-1"));
        assertThat(filled.status()).isEqualTo(VenueOrderStatus.FILLED);
        assertThat(filled.cummulativeQuoteQty()).isEqualByComparingTo("99");
        assertThat(filled.updateTime()).isAfter(resting.updateTime());
        assertThat(ok(binance.rest.myTrades(SYMBOL, filled.orderId())))
                .singleElement()
                .satisfies(trade -> assertThat(trade.maker()).isTrue());
        assertThat(ok(binance.rest.openOrders(SYMBOL))).isEmpty();
        assertThat(ok(binance.rest.allOrders(SYMBOL, Instant.EPOCH)))
                .extracting(VenueOrder::status)
                .containsExactly(VenueOrderStatus.FILLED);
    }

    @Test
    void aCancelUnlocksTheOrderAndASecondCancelOrAnUnknownQueryIsNotFound() {
        ok(binance.rest.newOrder(NewOrder.limit(
                SYMBOL, OrderSide.SELL, new BigDecimal("1.5"), new BigDecimal("120.00"), TimeInForce.GTC, "tp-1")));

        VenueOrder canceled = ok(binance.rest.cancelOrder(SYMBOL, "tp-1"));

        assertThat(canceled.clientOrderId()).isEqualTo("tp-1");
        assertThat(canceled.status()).isEqualTo(VenueOrderStatus.CANCELED);
        assertThat(canceled.side()).isEqualTo(OrderSide.SELL);
        assertThat(ok(binance.rest.account()).balance("BTC").orElseThrow().locked())
                .isEqualByComparingTo("0");
        assertThat(binance.rest.cancelOrder(SYMBOL, "tp-1"))
                .isEqualTo(new BinanceAnswer.NotFound<>(400, -2011, "Unknown order sent."));
        assertThat(binance.rest.queryOrder(SYMBOL, "never-sent"))
                .isEqualTo(new BinanceAnswer.NotFound<>(400, -2013, "Order does not exist."));
    }

    @Test
    void filterFailuresAndADuplicateOpenClientOrderIdAreRefusedWithBinanceCodesAndPlaceNothing() {
        assertThat(binance.rest.newOrder(NewOrder.limit(
                        SYMBOL,
                        OrderSide.BUY,
                        new BigDecimal("1"),
                        new BigDecimal("99.005"),
                        TimeInForce.GTC,
                        "bad-tick")))
                .isEqualTo(new BinanceAnswer.Refused<>(400, -1013, "Filter failure: PRICE_FILTER"));
        assertThat(binance.rest.newOrder(NewOrder.market(SYMBOL, OrderSide.BUY, new BigDecimal("0.04"), "too-small")))
                .isEqualTo(new BinanceAnswer.Refused<>(400, -1013, "Filter failure: NOTIONAL"));
        assertThat(binance.rest.testNewOrder(NewOrder.market(SYMBOL, OrderSide.BUY, new BigDecimal("101"), "too-big")))
                .isEqualTo(new BinanceAnswer.Refused<>(400, -1013, "Filter failure: MARKET_LOT_SIZE"));
        NewOrder fine = NewOrder.market(SYMBOL, OrderSide.BUY, new BigDecimal("1"), "fine");
        assertThat(binance.rest.testNewOrder(fine)).isEqualTo(new BinanceAnswer.Ok<>(fine));
        assertThat(binance.exchange.orders(SYMBOL)).isEmpty();

        NewOrder resting = NewOrder.limit(
                SYMBOL, OrderSide.BUY, new BigDecimal("1"), new BigDecimal("90.00"), TimeInForce.GTC, "intent-7");
        ok(binance.rest.newOrder(resting));
        assertThat(binance.rest.newOrder(resting))
                .isEqualTo(new BinanceAnswer.Refused<>(400, -2010, "Duplicate order sent."));
        assertThat(binance.exchange.orders(SYMBOL))
                .extracting(SpotOrder::clientOrderId)
                .containsExactly("intent-7");
    }

    @Test
    void anIocLimitThatCannotFillExpires() {
        PlacedOrder placed = ok(binance.rest.newOrder(NewOrder.limit(
                SYMBOL, OrderSide.BUY, new BigDecimal("1"), new BigDecimal("95.00"), TimeInForce.IOC, "ioc-1")));

        assertThat(placed.status()).isEqualTo(VenueOrderStatus.EXPIRED);
        assertThat(placed.executedQty()).isEqualByComparingTo("0");
    }

    @Test
    void aSkewedVenueClockIsRefusedWithMinus1021UntilTheOffsetIsSyncedAgain() {
        Duration synced = binance.rest.clock().offset();
        assertThat(synced).isEqualTo(SimulatedBinance.LOCAL_CLOCK_BEHIND);

        binance.exchange.faults().skewClock(Duration.ofSeconds(6));
        BinanceAnswer<AccountSnapshot> stale = binance.rest.account();
        assertThat(stale)
                .isEqualTo(new BinanceAnswer.Refused<>(
                        400, -1021, "Timestamp for this request is outside of the recvWindow."));
        assertThat(((BinanceAnswer.Refused<AccountSnapshot>) stale).clockSkew()).isTrue();

        assertThat(binance.rest.syncClock()).isEqualTo(new BinanceAnswer.Ok<>(synced.plusSeconds(6)));
        assertThat(binance.rest.account()).isInstanceOf(BinanceAnswer.Ok.class);
    }

    @Test
    void aClientThatNeverSyncedItsClockIsRefusedWithMinus1021() {
        try (SimulatedBinance unsynced = SimulatedBinance.start()) {
            assertThat(unsynced.rest.account())
                    .isEqualTo(new BinanceAnswer.Refused<>(
                            400, -1021, "Timestamp for this request is outside of the recvWindow."));
            assertThat(unsynced.rest.serverTime()).isEqualTo(new BinanceAnswer.Ok<>(unsynced.exchange.serverTime()));
        }
    }

    @Test
    void rateLimitAndBanAnswersCarryTheirRetryAfterWhichIsWaitedOutAndPlaceNothing() {
        binance.exchange.faults().rateLimitNextRequests(1, 7);
        NewOrder order = NewOrder.market(SYMBOL, OrderSide.BUY, new BigDecimal("1"), "limited");

        assertThat(binance.rest.newOrder(order)).isInstanceOfSatisfying(BinanceAnswer.RateLimited.class, limited -> {
            assertThat(limited.httpStatus()).isEqualTo(429);
            assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        });
        // Binance bans an IP that keeps sending after a 429: the next request waits out the Retry-After unsent.
        assertThat(binance.rest.newOrder(order)).isInstanceOfSatisfying(BinanceAnswer.RateLimited.class, unsent -> {
            assertThat(unsent.httpStatus()).as("not sent").isZero();
            Duration wait = (Duration) unsent.retryAfter().orElseThrow();
            assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(7));
        });
        assertThat(binance.exchange
                        .requests()
                        .matching(request -> request.path().equals("/api/v3/order")))
                .hasSize(1);

        binance.exchange.advance(1); // a minute of the venue's time passes
        binance.exchange.faults().banNextRequests(1, 30);
        assertThat(binance.rest.newOrder(order)).isInstanceOfSatisfying(BinanceAnswer.RateLimited.class, banned -> {
            assertThat(banned.httpStatus()).isEqualTo(418);
            assertThat(banned.retryAfter()).contains(Duration.ofSeconds(30));
        });
        assertThat(binance.rest.queryOrder(SYMBOL, "limited"))
                .as("lookups wait too")
                .isInstanceOf(BinanceAnswer.RateLimited.class);

        binance.exchange.advance(1);
        assertThat(binance.rest.queryOrder(SYMBOL, "limited")).isInstanceOf(BinanceAnswer.NotFound.class);
        assertThat(binance.exchange.orders(SYMBOL)).isEmpty();
    }

    @Test
    void theKeysRestrictionsAreReadAndAKeyWithoutSpotTradingIsRefusedOrders() {
        assertThat(binance.rest.apiRestrictions())
                .isEqualTo(new BinanceAnswer.Ok<>(
                        new ApiRestrictions(true, true, true, false, false, false, false, false)));

        binance.exchange.apiRestrictions(dev.peregrine.exchangesim.ApiRestrictions.defaults()
                .with(dev.peregrine.exchangesim.ApiRestrictions.ENABLE_WITHDRAWALS, true)
                .with(dev.peregrine.exchangesim.ApiRestrictions.ENABLE_SPOT_AND_MARGIN_TRADING, false));

        assertThat(ok(binance.rest.apiRestrictions())).satisfies(restrictions -> {
            assertThat(restrictions.enableWithdrawals()).isTrue();
            assertThat(restrictions.enableSpotAndMarginTrading()).isFalse();
        });
        assertThat(binance.rest.newOrder(NewOrder.market(SYMBOL, OrderSide.BUY, BigDecimal.ONE, "no-permission")))
                .isInstanceOfSatisfying(BinanceAnswer.Refused.class, refused -> {
                    assertThat(refused.httpStatus()).isEqualTo(401);
                    assertThat(refused.code()).isEqualTo(-2015);
                });
    }

    private static <T> T ok(BinanceAnswer<T> answer) {
        assertThat(answer).isInstanceOf(BinanceAnswer.Ok.class);
        return ((BinanceAnswer.Ok<T>) answer).value();
    }
}
