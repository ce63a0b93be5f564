package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.exceptions.BinanceConnectorException;
import com.binance.connector.client.exceptions.BinanceServerException;
import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Trade;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The official connector's signed trading calls ({@code SpotClientImpl.createTrade()}) against the matching
 * engine over real sockets. Timestamps are sent in server (market) time, as a client that measured the offset
 * from {@code /api/v3/time} does.
 */
class TradingIT {

    static final Instrument BTC = Instrument.trading("BTCUSDT", "BTC", "USDT", "0.01", "0.00001", "0.00001", "5");
    /** Falls from 100.50 to 99.20: k0 closes 100.50, k1 trades down to 99.80, k2 down to 98.90. */
    static final List<Kline> FALLING = List.of(
            Kline.of(KlineInterval.M1, TestKlines.START, "100.00", "101.00", "99.50", "100.50", "3"),
            Kline.of(KlineInterval.M1, TestKlines.START.plusSeconds(60), "100.50", "100.80", "99.80", "100.00", "3"),
            Kline.of(KlineInterval.M1, TestKlines.START.plusSeconds(120), "100.00", "100.20", "98.90", "99.20", "3"),
            Kline.of(KlineInterval.M1, TestKlines.START.plusSeconds(180), "99.20", "99.40", "99.10", "99.30", "3"));

    private final HttpClient http = HttpClient.newHttpClient();
    private ExchangeSimulator exchange;
    private Trade trade;

    @BeforeEach
    void start() {
        exchange = ExchangeSimulator.start(SimulatorConfig.builder()
                .instrument(BTC)
                .klines("BTCUSDT", KlineInterval.M1, FALLING)
                .balance("USDT", "1000")
                .balance("BTC", "2")
                .build());
        trade = client(TradingConfig.DEFAULT_API_KEY, TradingConfig.DEFAULT_SECRET_KEY);
        exchange.advance(1);
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    private Trade client(String apiKey, String secret) {
        return new SpotClientImpl(apiKey, secret, exchange.restBaseUrl()).createTrade();
    }

    /** Parameters plus a timestamp in server time. */
    private Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        map.putIfAbsent("timestamp", exchange.serverTime().toEpochMilli());
        return map;
    }

    private static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }

    private Map<String, JsonNode> balances() {
        Map<String, JsonNode> byAsset = new LinkedHashMap<>();
        json(trade.account(params()))
                .get("balances")
                .forEach(balance -> byAsset.put(balance.get("asset").stringValue(), balance));
        return byAsset;
    }

    private BigDecimal free(String asset) {
        return new BigDecimal(balances().get(asset).get("free").stringValue());
    }

    private BigDecimal locked(String asset) {
        return new BigDecimal(balances().get(asset).get("locked").stringValue());
    }

    @Test
    void marketBuyAndSellFillAtTheLatestCloseWithCommissionInTheAssetReceived() {
        JsonNode buy = json(trade.newOrder(params(
                "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "2", "newClientOrderId", "buy-1")));

        assertThat(buy.get("status").stringValue()).isEqualTo("FILLED");
        assertThat(buy.get("orderId").longValue()).isEqualTo(1);
        assertThat(buy.get("orderListId").longValue()).isEqualTo(-1);
        assertThat(buy.get("clientOrderId").stringValue()).isEqualTo("buy-1");
        assertThat(buy.get("type").stringValue()).isEqualTo("MARKET");
        assertThat(buy.get("executedQty").stringValue()).isEqualTo("2.00000000");
        assertThat(buy.get("cummulativeQuoteQty").stringValue()).isEqualTo("201.00000000");
        assertThat(buy.get("transactTime").longValue())
                .isEqualTo(exchange.serverTime().toEpochMilli());
        JsonNode fill = buy.get("fills").get(0);
        assertThat(fill.get("price").stringValue()).isEqualTo("100.50000000");
        assertThat(fill.get("commission").stringValue()).isEqualTo("0.00200000");
        assertThat(fill.get("commissionAsset").stringValue()).isEqualTo("BTC");
        assertThat(fill.get("tradeId").longValue()).isEqualTo(1);
        assertThat(free("USDT")).isEqualByComparingTo("799");
        assertThat(free("BTC")).isEqualByComparingTo("3.998");

        exchange.advance(1);
        JsonNode sell = json(trade.newOrder(params(
                "symbol",
                "BTCUSDT",
                "side",
                "SELL",
                "type",
                "MARKET",
                "quantity",
                "3.998",
                "newOrderRespType",
                "RESULT")));

        assertThat(sell.has("fills")).isFalse();
        assertThat(sell.get("status").stringValue()).isEqualTo("FILLED");
        assertThat(sell.get("cummulativeQuoteQty").stringValue()).isEqualTo("399.80000000");
        JsonNode sold = json(trade.myTrades(params("symbol", "BTCUSDT"))).get(1);
        assertThat(sold.get("commission").stringValue()).isEqualTo("0.39980000");
        assertThat(sold.get("commissionAsset").stringValue()).isEqualTo("USDT");
        assertThat(sold.get("isBuyer").booleanValue()).isFalse();
        assertThat(sold.get("isMaker").booleanValue()).isFalse();
        assertThat(free("USDT")).isEqualByComparingTo("1198.4002");
        assertThat(free("BTC")).isEqualByComparingTo("0");

        JsonNode account = json(trade.account(params()));
        assertThat(account.get("canTrade").booleanValue()).isTrue();
        assertThat(account.get("takerCommission").intValue()).isEqualTo(10);
        assertThat(json(trade.getOrders(params("symbol", "BTCUSDT"))))
                .extracting(order -> order.get("status").stringValue())
                .containsExactly("FILLED", "FILLED");
    }

    @Test
    void limitBuyRestsWithItsQuoteLockedThenFillsAtItsPriceWhenTheReplayedMarketTradesThroughIt() {
        JsonNode placed = json(trade.newOrder(params(
                "symbol",
                "BTCUSDT",
                "side",
                "BUY",
                "type",
                "LIMIT",
                "timeInForce",
                "GTC",
                "quantity",
                "1",
                "price",
                "99.00",
                "newClientOrderId",
                "dip")));

        assertThat(placed.get("status").stringValue()).isEqualTo("NEW");
        assertThat(placed.get("fills")).isEmpty();
        assertThat(locked("USDT")).isEqualByComparingTo("99");
        assertThat(free("USDT")).isEqualByComparingTo("901");
        assertThat(json(trade.getOpenOrders(params("symbol", "BTCUSDT")))).hasSize(1);

        exchange.advance(1);
        assertThat(json(trade.getOrder(params("symbol", "BTCUSDT", "origClientOrderId", "dip")))
                        .get("status")
                        .stringValue())
                .isEqualTo("NEW");

        exchange.advance(1);
        JsonNode filled = json(trade.getOrder(
                params("symbol", "BTCUSDT", "orderId", placed.get("orderId").longValue())));
        assertThat(filled.get("status").stringValue()).isEqualTo("FILLED");
        assertThat(filled.get("cummulativeQuoteQty").stringValue()).isEqualTo("99.00000000");
        JsonNode fill = json(trade.myTrades(params(
                        "symbol", "BTCUSDT", "orderId", placed.get("orderId").longValue())))
                .get(0);
        assertThat(fill.get("price").stringValue()).isEqualTo("99.00000000");
        assertThat(fill.get("isMaker").booleanValue()).isTrue();
        assertThat(fill.get("commission").stringValue()).isEqualTo("0.00100000");
        assertThat(locked("USDT")).isEqualByComparingTo("0");
        assertThat(free("USDT")).isEqualByComparingTo("901");
        assertThat(free("BTC")).isEqualByComparingTo("2.999");
        assertThat(json(trade.getOpenOrders(params()))).isEmpty();
    }

    @Test
    void cancelUnlocksAndUnknownOrdersAreRefusedWithBinanceCodes() {
        trade.newOrder(params(
                "symbol",
                "BTCUSDT",
                "side",
                "SELL",
                "type",
                "LIMIT",
                "timeInForce",
                "GTC",
                "quantity",
                "1.5",
                "price",
                "120.00",
                "newClientOrderId",
                "tp-1"));
        assertThat(locked("BTC")).isEqualByComparingTo("1.5");

        JsonNode canceled = json(trade.cancelOrder(params("symbol", "BTCUSDT", "origClientOrderId", "tp-1")));

        assertThat(canceled.get("status").stringValue()).isEqualTo("CANCELED");
        assertThat(canceled.get("origClientOrderId").stringValue()).isEqualTo("tp-1");
        assertThat(locked("BTC")).isEqualByComparingTo("0");
        assertThat(free("BTC")).isEqualByComparingTo("2");
        assertRefused(
                () -> trade.cancelOrder(params("symbol", "BTCUSDT", "origClientOrderId", "tp-1")),
                400,
                -2011,
                "Unknown order sent.");
        assertRefused(
                () -> trade.getOrder(params("symbol", "BTCUSDT", "orderId", 99L)), 400, -2013, "Order does not exist.");
        assertThat(json(trade.getOrders(params("symbol", "BTCUSDT"))))
                .extracting(order -> order.get("status").stringValue())
                .containsExactly("CANCELED");

        JsonNode ack = json(trade.newOrder(params(
                "symbol",
                "BTCUSDT",
                "side",
                "BUY",
                "type",
                "LIMIT",
                "timeInForce",
                "GTC",
                "quantity",
                "1",
                "price",
                "95.00",
                "newOrderRespType",
                "ACK")));
        assertThat(ack.has("status")).isFalse();
        assertThat(ack.get("clientOrderId").stringValue()).isEqualTo("sim-order-2");
        JsonNode byId = json(trade.cancelOrder(params(
                "symbol", "BTCUSDT", "orderId", ack.get("orderId").longValue(), "newClientOrderId", "cancel-2")));
        assertThat(byId.get("clientOrderId").stringValue()).isEqualTo("cancel-2");
        assertThat(byId.get("origClientOrderId").stringValue()).isEqualTo("sim-order-2");
        assertThat(locked("USDT")).isEqualByComparingTo("0");
    }

    @Test
    void filtersAreEnforcedWithMinus1013AndTestOrdersChangeNothing() {
        assertRefused(
                () -> trade.newOrder(params(
                        "symbol",
                        "BTCUSDT",
                        "side",
                        "BUY",
                        "type",
                        "LIMIT",
                        "timeInForce",
                        "GTC",
                        "quantity",
                        "1",
                        "price",
                        "99.005")),
                400,
                -1013,
                "Filter failure: PRICE_FILTER");
        assertRefused(
                () -> trade.newOrder(
                        params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.000015")),
                400,
                -1013,
                "Filter failure: LOT_SIZE");
        assertRefused(
                () -> trade.newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.04")),
                400,
                -1013,
                "Filter failure: NOTIONAL");
        assertRefused(
                () -> trade.testNewOrder(
                        params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "101")),
                400,
                -1013,
                "Filter failure: MARKET_LOT_SIZE");
        assertRefused(
                () -> trade.newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "10")),
                400,
                -2010,
                "Account has insufficient balance for requested action.");

        assertThat(trade.testNewOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "1")))
                .isEqualTo("{}");
        assertThat(json(trade.getOrders(params("symbol", "BTCUSDT")))).isEmpty();
        assertThat(free("USDT")).isEqualByComparingTo("1000");
    }

    @Test
    void aClientOrderIdIsRefusedWhileItsOrderIsOpenAndAcceptedAgainOnceItIsDone() {
        trade.newOrder(params(
                "symbol",
                "BTCUSDT",
                "side",
                "BUY",
                "type",
                "LIMIT",
                "timeInForce",
                "GTC",
                "quantity",
                "1",
                "price",
                "90.00",
                "newClientOrderId",
                "intent-7"));

        assertRefused(
                () -> trade.newOrder(params(
                        "symbol",
                        "BTCUSDT",
                        "side",
                        "BUY",
                        "type",
                        "LIMIT",
                        "timeInForce",
                        "GTC",
                        "quantity",
                        "1",
                        "price",
                        "90.00",
                        "newClientOrderId",
                        "intent-7")),
                400,
                -2010,
                "Duplicate order sent.");

        trade.newOrder(params(
                "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "1", "newClientOrderId", "filled-1"));
        JsonNode again = json(trade.newOrder(params(
                "symbol",
                "BTCUSDT",
                "side",
                "BUY",
                "type",
                "MARKET",
                "quantity",
                "1",
                "newClientOrderId",
                "filled-1")));

        assertThat(again.get("status").stringValue()).isEqualTo("FILLED");
        assertThat(again.get("orderId").longValue()).isEqualTo(3);
        assertThat(json(trade.getOrder(params("symbol", "BTCUSDT", "origClientOrderId", "filled-1")))
                        .get("orderId")
                        .longValue())
                .isEqualTo(3);
    }

    @Test
    void wrongKeySignatureOrTimestampAreRefused() {
        Map<String, Object> order = params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "1");
        assertRefused(
                () -> client("someoneElsesKey", TradingConfig.DEFAULT_SECRET_KEY)
                        .newOrder(new LinkedHashMap<>(order)),
                401,
                -2015,
                "Invalid API-key, IP, or permissions for action.");
        assertRefused(
                () -> client(TradingConfig.DEFAULT_API_KEY, "wrongSecret").newOrder(new LinkedHashMap<>(order)),
                400,
                -1022,
                "Signature for this request is not valid.");

        exchange.faults().skewClock(Duration.ofSeconds(-2));
        assertRefused(
                () -> trade.account(
                        params("timestamp", exchange.serverTime().plusSeconds(2).toEpochMilli())),
                400,
                -1021,
                "Timestamp for this request was 1000ms ahead of the server's time.");
        exchange.faults().skewClock(Duration.ofSeconds(6));
        assertRefused(
                () -> trade.account(params(
                        "timestamp", exchange.serverTime().minusSeconds(6).toEpochMilli())),
                400,
                -1021,
                "Timestamp for this request is outside of the recvWindow.");
        assertThat(trade.account(params(
                        "timestamp", exchange.serverTime().minusSeconds(6).toEpochMilli(), "recvWindow", 10000)))
                .contains("\"canTrade\":true");
        assertThat(exchange.faults().count(FaultType.CLOCK_SKEW)).isEqualTo(2);
        assertThat(json(trade.getOrders(params("symbol", "BTCUSDT")))).isEmpty();
    }

    @Test
    void anOrderAcceptedThenLeftUnansweredStillExistsAndIsFoundByItsClientOrderId() {
        exchange.faults().timeOutAfterNextOrders(1, Duration.ZERO);

        assertThatThrownBy(() -> trade.newOrder(params(
                        "symbol",
                        "BTCUSDT",
                        "side",
                        "BUY",
                        "type",
                        "MARKET",
                        "quantity",
                        "1",
                        "newClientOrderId",
                        "lost-1")))
                .isInstanceOf(BinanceConnectorException.class);

        JsonNode found = json(trade.getOrder(params("symbol", "BTCUSDT", "origClientOrderId", "lost-1")));
        assertThat(found.get("status").stringValue()).isEqualTo("FILLED");
        assertThat(exchange.faults().count(FaultType.ORDER_TIMEOUT)).isEqualTo(1);
        assertThat(exchange.requests().all())
                .filteredOn(request -> request.path().equals(TradingApi.ORDER)
                        && request.method().equals("POST"))
                .extracting(RecordedRequest::status)
                .containsExactly(0);
    }

    /**
     * A trap for the venue: on a pooled connection, OkHttp (inside the connector) silently sends a POST again when
     * the connection closes unanswered, so the caller gets the second answer and never learns of the first order.
     */
    @Test
    void onAReusedConnectionTheConnectorSilentlyRepeatsAnUnansweredOrder() {
        trade.account(params());
        exchange.faults().timeOutAfterNextOrders(1, Duration.ZERO);

        assertTheConnectorSentTheOrderTwice("lost-2", 0);
    }

    /** A MARKET buy the connector answers normally although the venue got it twice, the first time with {@code firstStatus}. */
    private void assertTheConnectorSentTheOrderTwice(String clientOrderId, int firstStatus) {
        JsonNode answer = json(trade.newOrder(params(
                "symbol",
                "BTCUSDT",
                "side",
                "BUY",
                "type",
                "MARKET",
                "quantity",
                "1",
                "newClientOrderId",
                clientOrderId)));

        assertThat(answer.get("orderId").longValue()).isEqualTo(2);
        assertThat(exchange.orders("BTCUSDT"))
                .extracting(SpotOrder::clientOrderId)
                .containsExactly(clientOrderId, clientOrderId);
        assertThat(exchange.requests().all())
                .filteredOn(request -> request.path().equals(TradingApi.ORDER))
                .extracting(RecordedRequest::status)
                .containsExactly(firstStatus, 200);
    }

    @Test
    void anOrderAcceptedThenAnswered5xxOrMinus1007Exists() {
        exchange.faults().serverErrorAfterNextOrders(1, 502);
        exchange.faults().backendTimeoutAfterNextOrders(1, 504);

        assertThatThrownBy(() -> trade.newOrder(params(
                        "symbol",
                        "BTCUSDT",
                        "side",
                        "BUY",
                        "type",
                        "LIMIT",
                        "timeInForce",
                        "GTC",
                        "quantity",
                        "1",
                        "price",
                        "90.00",
                        "newClientOrderId",
                        "five-1")))
                .isInstanceOfSatisfying(
                        BinanceServerException.class,
                        e -> assertThat(e.getHttpStatusCode()).isEqualTo(502));
        assertThatThrownBy(() -> trade.newOrder(params(
                        "symbol",
                        "BTCUSDT",
                        "side",
                        "BUY",
                        "type",
                        "MARKET",
                        "quantity",
                        "1",
                        "newClientOrderId",
                        "unknown-1")))
                .isInstanceOfSatisfying(BinanceServerException.class, e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(504);
                    assertThat(e.getMessage()).contains("-1007");
                });

        assertThat(json(trade.getOrder(params("symbol", "BTCUSDT", "origClientOrderId", "five-1")))
                        .get("status")
                        .stringValue())
                .isEqualTo("NEW");
        assertThat(json(trade.getOrder(params("symbol", "BTCUSDT", "origClientOrderId", "unknown-1")))
                        .get("status")
                        .stringValue())
                .isEqualTo("FILLED");
    }

    @Test
    void rateLimitAndBanAnswersCarryRetryAfterAndPlaceNothing() {
        exchange.faults().rateLimitNextRequests(1, 7);
        exchange.faults().banNextRequests(1, 30);

        assertRefusedStatus(
                () -> trade.newOrder(params(
                        "symbol",
                        "BTCUSDT",
                        "side",
                        "BUY",
                        "type",
                        "MARKET",
                        "quantity",
                        "1",
                        "newClientOrderId",
                        "limited")),
                429);
        assertRefusedStatus(
                () -> trade.newOrder(params(
                        "symbol",
                        "BTCUSDT",
                        "side",
                        "BUY",
                        "type",
                        "MARKET",
                        "quantity",
                        "1",
                        "newClientOrderId",
                        "limited")),
                418);

        assertThat(exchange.requests().all())
                .extracting(request -> request.retryAfterSeconds().orElse(0))
                .containsExactly(7, 30);
        assertRefused(
                () -> trade.getOrder(params("symbol", "BTCUSDT", "origClientOrderId", "limited")),
                400,
                -2013,
                "Order does not exist.");
    }

    @Test
    void anOrderHeldPastTheClientsReadTimeoutTimesOutAndStillExists() {
        exchange.faults().timeOutAfterNextOrders(1, Duration.ofSeconds(5));
        String query = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1&newClientOrderId=slow-1&timestamp="
                + exchange.serverTime().toEpochMilli();
        HttpRequest request = HttpRequest.newBuilder(URI.create(exchange.restBaseUrl() + TradingApi.ORDER + "?" + query
                        + "&signature=" + SignedRequests.hmacSha256(TradingConfig.DEFAULT_SECRET_KEY, query)))
                .header("X-MBX-APIKEY", TradingConfig.DEFAULT_API_KEY)
                .timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(json(trade.getOrder(params("symbol", "BTCUSDT", "origClientOrderId", "slow-1")))
                        .get("status")
                        .stringValue())
                .isEqualTo("FILLED");
        assertThat(exchange.orders("BTCUSDT")).hasSize(1);
    }

    @Test
    void postAcceptanceFaultsAndClockSkewAreSwitchedOnThroughTheControlApi() throws Exception {
        assertThat(control("/sim/faults/order-1007?status=408").statusCode()).isEqualTo(200);

        // Binance's -1007 with HTTP 408 is a trap: OkHttp (inside the connector) silently repeats a request answered
        // 408, so the caller sees the second answer and the venue holds two orders with the same client order id.
        assertTheConnectorSentTheOrderTwice("maybe-1", 408);

        assertThat(control("/sim/faults/clock-skew?millis=-3000").statusCode()).isEqualTo(200);
        assertRefused(
                () -> trade.account(
                        params("timestamp", exchange.serverTime().plusSeconds(3).toEpochMilli())),
                400,
                -1021,
                "Timestamp for this request was 1000ms ahead of the server's time.");
        JsonNode counts = json(http.send(
                        HttpRequest.newBuilder(URI.create(exchange.restBaseUrl() + "/sim/faults"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(counts.get("ORDER_1007").longValue()).isEqualTo(1);
        assertThat(counts.get("clockSkewMillis").longValue()).isEqualTo(-3000);
        assertThat(control("/sim/faults/order-timeout?holdMillis=-1").statusCode())
                .isEqualTo(400);
        JsonNode account = json(http.send(
                        HttpRequest.newBuilder(URI.create(exchange.restBaseUrl() + "/sim/account"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(account.get("balances"))
                .extracting(balance -> balance.get("asset").stringValue())
                .containsExactly("BTC", "USDT");
    }

    private HttpResponse<String> control(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(exchange.restBaseUrl() + pathAndQuery))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(Runnable call, int status, int code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BinanceClientException.class, e -> {
            assertThat(e.getHttpStatusCode()).isEqualTo(status);
            assertThat(e.getErrorCode()).isEqualTo(code);
            assertThat(e.getErrMsg()).isEqualTo(message);
        });
    }

    private static void assertRefusedStatus(Runnable call, int status) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        BinanceClientException.class,
                        e -> assertThat(e.getHttpStatusCode()).isEqualTo(status));
    }
}
