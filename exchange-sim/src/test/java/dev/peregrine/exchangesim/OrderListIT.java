package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.binance.connector.client.enums.HttpMethod;
import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Trade;
import com.binance.connector.client.utils.RequestHandler;
import com.binance.connector.client.utils.signaturegenerator.HmacSignatureGenerator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OCO order lists ({@code POST /api/v3/orderList/oco}, {@code DELETE}/{@code GET /api/v3/orderList},
 * {@code GET /api/v3/openOrderList}) over real sockets, sent through the official connector's signed request
 * handler: placement with the base locked once, fills by released klines, the cancel of a whole list by one of its
 * orders, Binance's refusals, and the user data stream's executionReport and listStatus events. The market is at
 * 100.50 (k0); k1 trades 99.80..100.80, k2 98.90..100.20, k3 99.10..99.40.
 */
class OrderListIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ExchangeSimulator exchange;
    private Trade trade;
    private RequestHandler requests;
    private JdkStream stream;

    private void start(TradingConfig trading) {
        exchange = ExchangeSimulator.start(SimulatorConfig.builder()
                .trading(trading)
                .instrument(TradingIT.BTC)
                .klines("BTCUSDT", KlineInterval.M1, TradingIT.FALLING)
                .balance("USDT", "1000")
                .balance("BTC", "2")
                .build());
        exchange.advance(1);
        trade = new SpotClientImpl(
                        TradingConfig.DEFAULT_API_KEY, TradingConfig.DEFAULT_SECRET_KEY, exchange.restBaseUrl())
                .createTrade();
        requests = new RequestHandler(
                TradingConfig.DEFAULT_API_KEY, new HmacSignatureGenerator(TradingConfig.DEFAULT_SECRET_KEY), null);
    }

    private void start() {
        start(TradingConfig.defaults());
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        exchange.close();
    }

    private Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        map.put("timestamp", exchange.serverTime().toEpochMilli());
        return map;
    }

    /** A SELL OCO of {@code quantity} BTC: above as given, below as given (name/value pairs without the prefix). */
    private JsonNode oco(String quantity, Object... more) {
        Map<String, Object> parameters = params("symbol", "BTCUSDT", "side", "SELL", "quantity", quantity);
        for (int i = 0; i < more.length; i += 2) {
            parameters.put((String) more[i], more[i + 1]);
        }
        return json(requests.sendSignedRequest(
                exchange.restBaseUrl(), OrderListApi.OCO, parameters, HttpMethod.POST, false));
    }

    /** The protective pair of a long: take-profit LIMIT_MAKER at {@code takeProfit}, STOP_LOSS at {@code stop}. */
    private JsonNode protect(String takeProfit, String stop) {
        return oco(
                "1",
                "aboveType",
                "LIMIT_MAKER",
                "abovePrice",
                takeProfit,
                "aboveClientOrderId",
                "tp",
                "belowType",
                "STOP_LOSS",
                "belowStopPrice",
                stop,
                "belowClientOrderId",
                "sl",
                "listClientOrderId",
                "pair-1",
                "newOrderRespType",
                "RESULT");
    }

    private static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }

    private SpotOrder order(String clientOrderId) {
        return exchange.orders("BTCUSDT").stream()
                .filter(order -> order.clientOrderId().equals(clientOrderId))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private static void assertRefused(Runnable call, int code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BinanceClientException.class, refused -> {
            assertThat(refused.getHttpStatusCode()).isEqualTo(400);
            assertThat(refused.getErrorCode()).isEqualTo(code);
            assertThat(refused.getErrMsg()).isEqualTo(message);
        });
    }

    @Test
    void aListLocksTheBaseOnceAndItsOrdersAreVisibleLikeAnyOther() {
        start();

        JsonNode placed = protect("101.00", "99.00");

        assertThat(placed.get("orderListId").asLong()).isEqualTo(1);
        assertThat(placed.get("contingencyType").asString()).isEqualTo("OCO");
        assertThat(placed.get("listStatusType").asString()).isEqualTo("EXEC_STARTED");
        assertThat(placed.get("listOrderStatus").asString()).isEqualTo("EXECUTING");
        assertThat(placed.get("listClientOrderId").asString()).isEqualTo("pair-1");
        assertThat(placed.get("symbol").asString()).isEqualTo("BTCUSDT");
        assertThat(placed.get("transactionTime").asLong())
                .isEqualTo(exchange.serverTime().toEpochMilli());
        assertThat(placed.get("orders"))
                .extracting(entry -> entry.get("orderId").asLong() + " "
                        + entry.get("clientOrderId").asString())
                .containsExactly("1 sl", "2 tp");
        JsonNode stop = placed.get("orderReports").get(0);
        assertThat(stop.get("type").asString()).isEqualTo("STOP_LOSS");
        assertThat(stop.get("stopPrice").asString()).isEqualTo("99.00000000");
        assertThat(stop.get("workingTime").asLong()).isEqualTo(-1);
        assertThat(stop.get("orderListId").asLong()).isEqualTo(1);
        JsonNode takeProfit = placed.get("orderReports").get(1);
        assertThat(takeProfit.get("type").asString()).isEqualTo("LIMIT_MAKER");
        assertThat(takeProfit.get("price").asString()).isEqualTo("101.00000000");
        assertThat(takeProfit.get("status").asString()).isEqualTo("NEW");
        assertThat(takeProfit.has("stopPrice")).isFalse();
        assertThat(exchange.lockedBalance("BTC")).isEqualByComparingTo("1");
        assertThat(exchange.freeBalance("BTC")).isEqualByComparingTo("1");

        JsonNode queried = json(trade.getOrder(params("symbol", "BTCUSDT", "origClientOrderId", "sl")));
        assertThat(queried.get("orderListId").asLong()).isEqualTo(1);
        assertThat(queried.get("isWorking").asBoolean()).isFalse();
        assertThat(json(trade.getOpenOrders(params("symbol", "BTCUSDT")))).hasSize(2);
        assertThat(json(trade.getOCOOrder(params("orderListId", 1L)))
                        .get("listClientOrderId")
                        .asString())
                .isEqualTo("pair-1");
        assertThat(json(trade.getOCOOrder(params("origClientOrderId", "pair-1")))
                        .get("orders"))
                .hasSize(2);
        assertThat(json(trade.getOpenOCOOrders(params())))
                .singleElement()
                .satisfies(list -> assertThat(list.get("orderListId").asLong()).isEqualTo(1));
        assertRefused(() -> trade.getOCOOrder(params("orderListId", 9L)), -2013, "Order does not exist.");
    }

    @Test
    void aKlineReachingTheStopFillsItAsTakerAndTheTakeProfitExpires() {
        start();
        protect("101.00", "99.50");

        exchange.advance(1);
        assertThat(order("sl").status()).isEqualTo(SpotOrder.Status.NEW);
        exchange.advance(1);

        assertThat(order("sl").status()).isEqualTo(SpotOrder.Status.FILLED);
        assertThat(order("tp").status()).isEqualTo(SpotOrder.Status.EXPIRED);
        assertThat(exchange.orderLists("BTCUSDT")).singleElement().satisfies(list -> {
            assertThat(list.listStatusType()).isEqualTo(OrderList.StatusType.ALL_DONE);
            assertThat(list.listOrderStatus()).isEqualTo(OrderList.OrderStatus.ALL_DONE);
        });
        JsonNode trades = json(trade.myTrades(params("symbol", "BTCUSDT")));
        assertThat(trades).singleElement().satisfies(fill -> {
            assertThat(fill.get("orderListId").asLong()).isEqualTo(1);
            assertThat(fill.get("price").asString()).isEqualTo("99.50000000");
            assertThat(fill.get("isMaker").asBoolean()).isFalse();
        });
        assertThat(exchange.freeBalance("BTC")).isEqualByComparingTo("1");
        assertThat(exchange.lockedBalance("BTC")).isZero();
        assertThat(exchange.freeBalance("USDT")).isEqualByComparingTo("1099.40050000");
        assertThat(json(trade.getOpenOCOOrders(params()))).isEmpty();
        assertThat(json(trade.getOCOOrder(params("orderListId", 1L)))
                        .get("listOrderStatus")
                        .asString())
                .isEqualTo("ALL_DONE");
    }

    @Test
    void aStopFillsAtItsSlippedPriceClampedToTheKlinesRange() {
        start(TradingConfig.defaults().withSlippage("0.01"));
        protect("101.00", "99.50");

        exchange.advance(2);

        // 99.50 less 1 % is 98.505, on the tick 98.50, below k2's low of 98.90.
        assertThat(exchange.trades("BTCUSDT"))
                .singleElement()
                .satisfies(fill -> assertThat(fill.price()).isEqualByComparingTo("98.90"));
    }

    @Test
    void whenOneKlineReachesBothOrdersTheStopWins() {
        start();
        protect("100.60", "100.00");

        exchange.advance(1);

        assertThat(order("sl").status()).isEqualTo(SpotOrder.Status.FILLED);
        assertThat(order("tp").status()).isEqualTo(SpotOrder.Status.EXPIRED);
        assertThat(exchange.trades("BTCUSDT").getFirst().price()).isEqualByComparingTo("100.00");
    }

    @Test
    void aKlineReachingTheTakeProfitFillsItAsMakerAtItsPrice() {
        start();
        protect("100.70", "99.00");

        exchange.advance(1);

        assertThat(order("tp").status()).isEqualTo(SpotOrder.Status.FILLED);
        assertThat(order("sl").status()).isEqualTo(SpotOrder.Status.EXPIRED);
        assertThat(exchange.trades("BTCUSDT")).singleElement().satisfies(fill -> {
            assertThat(fill.price()).isEqualByComparingTo("100.70");
            assertThat(fill.maker()).isTrue();
        });
    }

    @Test
    void aStopLossLimitFillsAtTheStopButNeverBelowItsLimit() {
        start();
        oco(
                "1",
                "aboveType",
                "TAKE_PROFIT",
                "aboveStopPrice",
                "101.00",
                "aboveClientOrderId",
                "tp",
                "belowType",
                "STOP_LOSS_LIMIT",
                "belowStopPrice",
                "99.50",
                "belowPrice",
                "99.40",
                "belowTimeInForce",
                "GTC",
                "belowClientOrderId",
                "sl");

        exchange.advance(2);

        assertThat(order("sl").status()).isEqualTo(SpotOrder.Status.FILLED);
        assertThat(order("tp").status()).isEqualTo(SpotOrder.Status.EXPIRED);
        assertThat(exchange.trades("BTCUSDT").getFirst().price()).isEqualByComparingTo("99.50");
    }

    @Test
    void cancelingOneOrderOfAListCancelsTheWholeListAndUnlocksTheBase() {
        start();
        protect("101.00", "99.50");

        JsonNode canceled = json(trade.cancelOrder(
                params("symbol", "BTCUSDT", "origClientOrderId", "tp", "newClientOrderId", "undo-1")));

        assertThat(canceled.get("orderListId").asLong()).isEqualTo(1);
        assertThat(canceled.get("listStatusType").asString()).isEqualTo("ALL_DONE");
        assertThat(canceled.get("listOrderStatus").asString()).isEqualTo("ALL_DONE");
        assertThat(canceled.get("orderReports"))
                .extracting(report -> report.get("origClientOrderId").asString() + " "
                        + report.get("clientOrderId").asString() + " "
                        + report.get("status").asString())
                .containsExactly("sl undo-1 CANCELED", "tp undo-1 CANCELED");
        assertThat(exchange.lockedBalance("BTC")).isZero();
        assertThat(exchange.freeBalance("BTC")).isEqualByComparingTo("2");
        exchange.advance(3);
        assertThat(exchange.trades("BTCUSDT")).isEmpty();
        assertRefused(
                () -> trade.cancelOCO(params("symbol", "BTCUSDT", "orderListId", 1L)), -2011, "Unknown order sent.");
    }

    @Test
    void aListIsCanceledByItsListClientOrderId() {
        start();
        protect("101.00", "99.50");

        JsonNode canceled = json(trade.cancelOCO(params("symbol", "BTCUSDT", "listClientOrderId", "pair-1")));

        assertThat(canceled.get("listStatusType").asString()).isEqualTo("ALL_DONE");
        assertThat(order("sl").status()).isEqualTo(SpotOrder.Status.CANCELED);
        assertThat(order("tp").status()).isEqualTo(SpotOrder.Status.CANCELED);
        assertThat(exchange.lockedBalance("BTC")).isZero();
        assertThat(protect("101.00", "99.50").get("orderListId").asLong())
                .as("the ids are free again")
                .isEqualTo(2);
    }

    @Test
    void binancesRefusalsBookNothing() {
        start();
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
                "0.5",
                "price",
                "120.00",
                "newClientOrderId",
                "open-1"));
        String relationship = "The relationship of the prices for the orders is not correct.";

        assertRefused(() -> protect("100.50", "99.00"), -2010, relationship);
        assertRefused(() -> protect("101.00", "100.50"), -2010, relationship);
        assertRefused(
                () -> oco(
                        "1",
                        "aboveType",
                        "STOP_LOSS",
                        "aboveStopPrice",
                        "101.00",
                        "belowType",
                        "STOP_LOSS",
                        "belowStopPrice",
                        "99.00"),
                -1197,
                "A stop loss order in a sell OCO must be below.");
        assertRefused(
                () -> oco(
                        "1",
                        "aboveType",
                        "LIMIT_MAKER",
                        "abovePrice",
                        "101.00",
                        "belowType",
                        "LIMIT_MAKER",
                        "belowPrice",
                        "99.00"),
                -1166,
                "A limit order in a sell OCO must be above.");
        assertRefused(
                () -> oco(
                        "1",
                        "aboveType",
                        "LIMIT_MAKER",
                        "abovePrice",
                        "101.00",
                        "belowType",
                        "TAKE_PROFIT",
                        "belowStopPrice",
                        "99.00"),
                -1199,
                "A take profit order in a sell OCO must be above.");
        assertRefused(
                () -> oco(
                        "1",
                        "aboveType",
                        "LIMIT",
                        "abovePrice",
                        "101.00",
                        "belowType",
                        "STOP_LOSS",
                        "belowStopPrice",
                        "99.00"),
                -1158,
                "Order type not supported in OCO.");
        assertRefused(
                () -> oco("1", "aboveType", "LIMIT_MAKER", "abovePrice", "101.00", "belowType", "STOP_LOSS"),
                -1102,
                "Mandatory parameter 'belowStopPrice' was not sent, was empty/null, or malformed.");
        assertRefused(
                () -> oco(
                        "1",
                        "aboveType",
                        "LIMIT_MAKER",
                        "abovePrice",
                        "101.00",
                        "belowType",
                        "STOP_LOSS",
                        "belowStopPrice",
                        "99.00",
                        "belowPrice",
                        "98.00"),
                -1106,
                "Parameter 'belowPrice' sent when not required.");
        assertRefused(() -> protect("101.00", "99.005"), -1013, "Filter failure: PRICE_FILTER");
        assertRefused(
                () -> oco(
                        "1.000001",
                        "aboveType",
                        "LIMIT_MAKER",
                        "abovePrice",
                        "101.00",
                        "belowType",
                        "STOP_LOSS",
                        "belowStopPrice",
                        "99.00"),
                -1013,
                "Filter failure: LOT_SIZE");
        assertRefused(
                () -> oco(
                        "3",
                        "aboveType",
                        "LIMIT_MAKER",
                        "abovePrice",
                        "101.00",
                        "belowType",
                        "STOP_LOSS",
                        "belowStopPrice",
                        "99.00"),
                -2010,
                "Account has insufficient balance for requested action.");
        assertRefused(
                () -> oco(
                        "1",
                        "aboveType",
                        "LIMIT_MAKER",
                        "abovePrice",
                        "101.00",
                        "aboveClientOrderId",
                        "open-1",
                        "belowType",
                        "STOP_LOSS",
                        "belowStopPrice",
                        "99.00"),
                -2010,
                "Duplicate order sent.");

        assertThat(exchange.orderLists("BTCUSDT")).isEmpty();
        assertThat(exchange.orders("BTCUSDT"))
                .extracting(SpotOrder::clientOrderId)
                .containsExactly("open-1");
        assertThat(exchange.lockedBalance("BTC")).isEqualByComparingTo("0.5");
    }

    @Test
    void theUserDataStreamReportsTheOrdersAndTheListStatus() {
        start();
        stream = JdkStream.connect(exchange.wsApiUrl());
        ObjectNode params = Json.MAPPER
                .createObjectNode()
                .put("apiKey", TradingConfig.DEFAULT_API_KEY)
                .put("timestamp", exchange.serverTime().toEpochMilli());
        params.put(
                "signature",
                SignedRequests.hmacSha256(TradingConfig.DEFAULT_SECRET_KEY, SignedRequests.wsApiPayload(params)));
        stream.send(Json.MAPPER.writeValueAsString(Json.MAPPER
                .createObjectNode()
                .put("id", 1)
                .put("method", "userDataStream.subscribe.signature")
                .set("params", params)));
        await().atMost(WAIT).until(() -> !stream.messages.isEmpty());

        protect("101.00", "99.50");
        exchange.advance(2);

        await().atMost(WAIT).until(() -> events("listStatus").size() == 2);
        await().atMost(WAIT).until(() -> events("executionReport").size() == 4);
        assertThat(events("executionReport"))
                .extracting(report -> report.get("c").asString() + " "
                        + report.get("x").asString() + " " + report.get("X").asString() + " "
                        + report.get("g").asLong())
                .containsExactly("sl NEW NEW 1", "tp NEW NEW 1", "sl TRADE FILLED 1", "tp EXPIRED EXPIRED 1");
        List<JsonNode> lists = events("listStatus");
        assertThat(lists)
                .extracting(
                        list -> list.get("l").asString() + " " + list.get("L").asString())
                .containsExactly("EXEC_STARTED EXECUTING", "ALL_DONE ALL_DONE");
        assertThat(lists.getFirst().get("C").asString()).isEqualTo("pair-1");
        assertThat(lists.getFirst().get("c").asString()).isEqualTo("OCO");
        assertThat(lists.getFirst().get("O"))
                .extracting(order -> order.get("c").asString())
                .containsExactly("sl", "tp");
        assertThat(events("outboundAccountPosition")
                        .getFirst()
                        .get("B")
                        .get(0)
                        .get("l")
                        .asString())
                .isEqualTo("1.00000000");
        assertThat(new BigDecimal(events("outboundAccountPosition")
                        .getLast()
                        .get("B")
                        .get(0)
                        .get("f")
                        .asString()))
                .isEqualByComparingTo("1");
    }

    private List<JsonNode> events(String type) {
        return stream.messages.stream()
                .map(Json.MAPPER::readTree)
                .filter(message -> message.has("event"))
                .map(message -> message.get("event"))
                .filter(event -> event.get("e").asString().equals(type))
                .toList();
    }
}
