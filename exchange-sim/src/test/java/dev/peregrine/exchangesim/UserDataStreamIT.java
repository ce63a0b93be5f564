package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Trade;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The WebSocket API's user data stream over a real socket (the JDK's client): a signed
 * {@code userDataStream.subscribe.signature}, then the events of orders placed through the official connector's
 * REST calls, and every user data fault.
 */
class UserDataStreamIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private ExchangeSimulator exchange;
    private Trade trade;
    private JdkStream client;
    private int nextId = 1;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        exchange.close();
    }

    private void start(SimulatorConfig.Builder builder) {
        exchange = ExchangeSimulator.start(builder.instrument(TradingIT.BTC)
                .klines("BTCUSDT", KlineInterval.M1, TradingIT.FALLING)
                .balance("USDT", "1000")
                .balance("BTC", "2")
                .build());
        exchange.advance(1);
        trade = new SpotClientImpl(
                        TradingConfig.DEFAULT_API_KEY, TradingConfig.DEFAULT_SECRET_KEY, exchange.restBaseUrl())
                .createTrade();
        client = JdkStream.connect(exchange.wsApiUrl());
    }

    private void start() {
        start(SimulatorConfig.builder());
    }

    /** Sends a request and waits for the answer with its id. */
    private JsonNode request(String method, ObjectNode params) {
        int id = nextId++;
        ObjectNode request = Json.MAPPER.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            request.set("params", params);
        }
        client.send(Json.MAPPER.writeValueAsString(request));
        await().atMost(WAIT).until(() -> answer(id) != null);
        return answer(id);
    }

    private JsonNode answer(int id) {
        return client.messages.stream()
                .map(Json.MAPPER::readTree)
                .filter(message ->
                        message.has("id") && message.get("id").asString().equals(String.valueOf(id)))
                .findFirst()
                .orElse(null);
    }

    private ObjectNode signedParams(String secret, long timestamp) {
        ObjectNode params = Json.MAPPER
                .createObjectNode()
                .put("apiKey", TradingConfig.DEFAULT_API_KEY)
                .put("timestamp", timestamp);
        return params.put("signature", SignedRequests.hmacSha256(secret, SignedRequests.wsApiPayload(params)));
    }

    private JsonNode subscribe() {
        return request(
                "userDataStream.subscribe.signature",
                signedParams(
                        TradingConfig.DEFAULT_SECRET_KEY, exchange.serverTime().toEpochMilli()));
    }

    /** The events received so far, unwrapped, with their subscription id kept as "subscriptionId". */
    private List<JsonNode> events() {
        return client.messages.stream()
                .map(Json.MAPPER::readTree)
                .filter(message -> message.has("event"))
                .toList();
    }

    private List<JsonNode> events(String type) {
        return events().stream()
                .map(message -> message.get("event"))
                .filter(event -> event.get("e").asString().equals(type))
                .toList();
    }

    private Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        map.put("timestamp", exchange.serverTime().toEpochMilli());
        return map;
    }

    private void marketBuy(String clientOrderId) {
        trade.newOrder(params(
                "symbol",
                "BTCUSDT",
                "side",
                "BUY",
                "type",
                "MARKET",
                "quantity",
                "1",
                "newClientOrderId",
                clientOrderId));
    }

    @Test
    void aSignedSubscriptionReceivesTheExecutionReportsAndBalancesOfRestOrders() {
        start();

        JsonNode subscribed = subscribe();

        assertThat(subscribed.get("status").asInt()).isEqualTo(200);
        assertThat(subscribed.get("result").get("subscriptionId").asInt()).isZero();
        assertThat(subscribed.get("rateLimits").get(0).get("rateLimitType").asString())
                .isEqualTo("REQUEST_WEIGHT");
        assertThat(request("session.status", null)
                        .get("result")
                        .get("userDataStream")
                        .asBoolean())
                .isTrue();

        marketBuy("buy-1");

        await().atMost(WAIT).until(() -> events("outboundAccountPosition").size() == 1);
        List<JsonNode> reports = events("executionReport");
        assertThat(reports).extracting(report -> report.get("x").asString()).containsExactly("NEW", "TRADE");
        JsonNode filled = reports.get(1);
        assertThat(filled.get("s").asString()).isEqualTo("BTCUSDT");
        assertThat(filled.get("c").asString()).isEqualTo("buy-1");
        assertThat(filled.get("X").asString()).isEqualTo("FILLED");
        assertThat(filled.get("i").asLong()).isEqualTo(1);
        assertThat(filled.get("t").asLong()).isEqualTo(1);
        assertThat(reports.get(0).get("t").asLong()).isEqualTo(-1);
        assertThat(filled.get("l").asString()).isEqualTo("1.00000000");
        assertThat(filled.get("L").asString()).isEqualTo("100.50000000");
        assertThat(filled.get("z").asString()).isEqualTo("1.00000000");
        assertThat(filled.get("Z").asString()).isEqualTo("100.50000000");
        assertThat(filled.get("n").asString()).isEqualTo("0.00100000");
        assertThat(filled.get("N").asString()).isEqualTo("BTC");
        assertThat(filled.get("m").asBoolean()).isFalse();
        assertThat(filled.get("g").asLong()).isEqualTo(-1);
        assertThat(filled.get("I").asLong()).isEqualTo(2);
        assertThat(events())
                .allSatisfy(message ->
                        assertThat(message.get("subscriptionId").asInt()).isZero());
        JsonNode position = events("outboundAccountPosition").getFirst();
        assertThat(position.get("B"))
                .extracting(balance -> balance.get("a").asString() + " "
                        + balance.get("f").asString() + " " + balance.get("l").asString())
                .containsExactly("BTC 2.99900000 0.00000000", "USDT 899.50000000 0.00000000");
    }

    @Test
    void restingCancelledAndKlineFilledOrdersAreReportedWithTheOriginalClientOrderIdOnCancel() {
        start();
        subscribe();

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
                "1",
                "price",
                "120.00",
                "newClientOrderId",
                "tp-1"));
        trade.cancelOrder(params("symbol", "BTCUSDT", "origClientOrderId", "tp-1", "newClientOrderId", "cancel-1"));
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
                "99.00",
                "newClientOrderId",
                "dip"));
        exchange.advance(2);

        await().atMost(WAIT).until(() -> events("executionReport").size() == 4);
        List<JsonNode> reports = events("executionReport");
        assertThat(reports)
                .extracting(report ->
                        report.get("x").asString() + " " + report.get("X").asString())
                .containsExactly("NEW NEW", "CANCELED CANCELED", "NEW NEW", "TRADE FILLED");
        assertThat(reports.get(1).get("c").asString()).isEqualTo("cancel-1");
        assertThat(reports.get(1).get("C").asString()).isEqualTo("tp-1");
        assertThat(reports.get(0).get("w").asBoolean()).isTrue();
        assertThat(reports.get(3).get("m").asBoolean()).isTrue();
        assertThat(reports.get(3).get("L").asString()).isEqualTo("99.00000000");
        await().atMost(WAIT).until(() -> events("outboundAccountPosition").size() == 4);
        assertThat(events("outboundAccountPosition")
                        .get(0)
                        .get("B")
                        .get(0)
                        .get("l")
                        .asString())
                .isEqualTo("1.00000000");
    }

    @Test
    void badSignaturesKeysAndTimestampsAreRefusedWithBinanceCodes() {
        start();
        long now = exchange.serverTime().toEpochMilli();

        JsonNode badSignature = request("userDataStream.subscribe.signature", signedParams("wrongSecret", now));
        JsonNode stale = request(
                "userDataStream.subscribe.signature", signedParams(TradingConfig.DEFAULT_SECRET_KEY, now - 6000));
        JsonNode early = request(
                "userDataStream.subscribe.signature", signedParams(TradingConfig.DEFAULT_SECRET_KEY, now + 2000));
        ObjectNode otherKey =
                signedParams(TradingConfig.DEFAULT_SECRET_KEY, now).put("apiKey", "someoneElsesKey");
        JsonNode wrongKey = request("userDataStream.subscribe.signature", otherKey);
        JsonNode noKey = request(
                "userDataStream.subscribe.signature",
                Json.MAPPER.createObjectNode().put("timestamp", now));

        assertThat(badSignature.get("status").asInt()).isEqualTo(400);
        assertThat(badSignature.get("error").get("code").asInt()).isEqualTo(-1022);
        assertThat(stale.get("error").get("code").asInt()).isEqualTo(-1021);
        assertThat(stale.get("error").get("msg").asString())
                .isEqualTo("Timestamp for this request is outside of the recvWindow.");
        assertThat(early.get("error").get("code").asInt()).isEqualTo(-1021);
        assertThat(wrongKey.get("status").asInt()).isEqualTo(401);
        assertThat(wrongKey.get("error").get("code").asInt()).isEqualTo(-2015);
        assertThat(noKey.get("error").get("code").asInt()).isEqualTo(-1102);
        assertThat(request("session.status", null)
                        .get("result")
                        .get("userDataStream")
                        .asBoolean())
                .isFalse();
        marketBuy("unseen");
        assertThat(events()).isEmpty();
    }

    @Test
    void theDocumentedHmacExampleVerifies() {
        ObjectNode params = Json.MAPPER
                .createObjectNode()
                .put("symbol", "BTCUSDT")
                .put("side", "SELL")
                .put("type", "LIMIT")
                .put("timeInForce", "GTC")
                .put("quantity", "0.01000000")
                .put("price", "52000.00")
                .put("newOrderRespType", "ACK")
                .put("recvWindow", 100)
                .put("timestamp", 1645423376532L)
                .put("apiKey", "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A");

        assertThat(SignedRequests.hmacSha256(
                        "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j",
                        SignedRequests.wsApiPayload(params)))
                .isEqualTo("cc15477742bd704c29492d96c7ead9414dfd8e0ec4a00f947bb5bb454ddbd08a");
        start();
    }

    @Test
    void unsubscribingEndsTheStreamWithEventStreamTerminated() {
        start();
        subscribe();

        JsonNode unsubscribed = request("userDataStream.unsubscribe", null);
        marketBuy("after");

        assertThat(unsubscribed.get("status").asInt()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events("eventStreamTerminated").size() == 1);
        assertThat(events()).hasSize(1);
        assertThat(request("userDataStream.unsubscribe", null)
                        .get("error")
                        .get("code")
                        .asInt())
                .isEqualTo(-2036);
        assertThat(subscribe().get("result").get("subscriptionId").asInt()).isEqualTo(1);
        assertThat(subscribe().get("error").get("code").asInt()).isEqualTo(-2035);
    }

    @Test
    void droppedConnectionsCloseAbruptly() throws Exception {
        start();
        subscribe();

        assertThat(control("/sim/faults/user-data/drop").body()).isEqualTo("{\"count\":1}");

        await().atMost(WAIT).until(client::ended);
        assertThat(exchange.connectionClosures())
                .extracting(ConnectionClosure::reason)
                .containsExactly(ConnectionClosure.Reason.DROPPED_BY_FAULT);
        assertThat(exchange.faults().count(FaultType.USER_DATA_DROP)).isEqualTo(1);
    }

    @Test
    void aSilentServerKeepsTheSocketButSendsNoEventsAnswersOrPongs() throws Exception {
        start();
        subscribe();
        control("/sim/faults/user-data/silent?answerPings=false");

        marketBuy("lost");
        client.send("{\"id\":\"unanswered\",\"method\":\"ping\"}");
        client.sendPing();
        await().atMost(WAIT).until(() -> exchange.faults().userData().ignoredWhileSilent() == 2);
        assertThat(exchange.faults().userData().suppressedEvents()).isEqualTo(3);
        exchange.faults().userData().resume();
        JsonNode time = request("time", null);
        marketBuy("seen");

        assertThat(time.get("result").get("serverTime").asLong())
                .isEqualTo(exchange.serverTime().toEpochMilli());
        await().atMost(WAIT).until(() -> events("executionReport").size() == 2);
        assertThat(events("executionReport"))
                .extracting(report -> report.get("c").asString())
                .containsOnly("seen");
        assertThat(client.messages).noneMatch(message -> message.contains("unanswered"));
        assertThat(client.pongs.get()).isZero();
        assertThat(client.ended()).isFalse();
        assertThat(exchange.faults().count(FaultType.USER_DATA_SILENT)).isEqualTo(1);
    }

    @Test
    void delayedExecutionReportsArriveAfterTheBalanceUpdate() throws Exception {
        start();
        subscribe();
        control("/sim/faults/user-data/delay?millis=300");

        marketBuy("late");

        await().atMost(WAIT).until(() -> events("executionReport").size() == 2);
        assertThat(events())
                .extracting(message -> message.get("event").get("e").asString())
                .containsExactly("outboundAccountPosition", "executionReport", "executionReport");
    }

    @Test
    void duplicatedExecutionReportsAreSentTwiceWithTheSameExecutionId() throws Exception {
        start();
        subscribe();
        control("/sim/faults/user-data/duplicate?count=1");

        marketBuy("twice");

        await().atMost(WAIT).until(() -> events("outboundAccountPosition").size() == 1);
        assertThat(events("executionReport"))
                .extracting(report ->
                        report.get("x").asString() + " " + report.get("I").asLong())
                .containsExactly("NEW 1", "NEW 1", "TRADE 2");
        assertThat(exchange.faults().count(FaultType.USER_DATA_DUPLICATE)).isEqualTo(1);
    }

    @Test
    void serverShutdownIsAnnouncedThenTheConnectionCloses() throws Exception {
        start();
        subscribe();

        control("/sim/faults/user-data/shutdown");

        await().atMost(WAIT).until(client::ended);
        assertThat(events())
                .extracting(message -> message.has("subscriptionId") + " "
                        + message.get("event").get("e").asString())
                .containsExactly("false serverShutdown");
        assertThat(client.closeCode.get()).isEqualTo(1001);
        assertThat(exchange.connectionClosures())
                .extracting(ConnectionClosure::reason)
                .containsExactly(ConnectionClosure.Reason.SERVER_SHUTDOWN);
    }

    @Test
    void aConnectionOlderThanTheMaximumAgeIsClosedByTheServer() {
        start(SimulatorConfig.builder()
                .wsApiMaxConnectionAge(Duration.ofMillis(300))
                .housekeepingPeriod(Duration.ofMillis(50)));
        subscribe();

        await().atMost(WAIT).until(client::ended);

        assertThat(client.closeCode.get()).isEqualTo(1001);
        assertThat(exchange.connectionClosures())
                .extracting(ConnectionClosure::reason)
                .containsExactly(ConnectionClosure.Reason.MAX_AGE_REACHED);
    }

    private HttpResponse<String> control(String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(exchange.restBaseUrl() + pathAndQuery))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
