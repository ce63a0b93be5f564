package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.exceptions.BinanceServerException;
import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Market;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The official Binance connector against the simulator's REST server, over real sockets. */
class ConnectorRestIT {

    private static final Instrument BTC =
            Instrument.trading("BTCUSDT", "BTC", "USDT", "0.01", "0.00001", "0.00001", "5");
    private static final Instrument ETH = Instrument.trading("ETHUSDT", "ETH", "USDT", "0.01", "0.0001", "0.0001", "5")
            .withNotionalFilter(Instrument.NotionalFilter.MIN_NOTIONAL)
            .withStatus("BREAK");

    private ExchangeSimulator exchange;
    private Market market;

    @BeforeEach
    void start() throws URISyntaxException {
        exchange = ExchangeSimulator.start(SimulatorConfig.builder()
                .instrument(BTC)
                .instrument(ETH)
                .klineFile(Path.of(getClass().getResource("/BTCUSDT-1h.csv").toURI()))
                .klines("ETHUSDT", KlineInterval.M1, TestKlines.minutes(5, 2000))
                .build());
        market = new SpotClientImpl(exchange.restBaseUrl()).createMarket();
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    @Test
    void klinesAreExactlyTheReleasedOnesNeverFutureOnes() {
        assertThat(klines("BTCUSDT", "1h", Map.of())).isEmpty();

        exchange.advance(3);
        JsonNode three = klines("BTCUSDT", "1h", Map.of("limit", 1000));
        exchange.advance(2);
        JsonNode five = klines("BTCUSDT", "1h", Map.of());

        assertThat(three.size()).isEqualTo(3);
        assertThat(five.size()).isEqualTo(5);
        assertRowsAre(five, exchange.released("BTCUSDT", KlineInterval.H1));
        JsonNode first = five.get(0);
        assertThat(first.get(0).longValue()).isEqualTo(1514764800000L);
        assertThat(first.get(1).stringValue()).isEqualTo("13715.65000000");
        assertThat(first.get(6).longValue()).isEqualTo(1514768399999L);
        assertThat(first.get(8).longValue()).isEqualTo(5228);
        assertThat(first.get(11).stringValue()).isEqualTo("0");
    }

    @Test
    void startTimeEndTimeAndLimitSelectLikeBinance() {
        exchange.advance(10);
        List<Kline> released = exchange.released("BTCUSDT", KlineInterval.H1);
        long third = released.get(2).openTime().toEpochMilli();
        long sixth = released.get(5).openTime().toEpochMilli();

        assertRowsAre(klines("BTCUSDT", "1h", Map.of("startTime", third, "endTime", sixth)), released.subList(2, 6));
        assertRowsAre(klines("BTCUSDT", "1h", Map.of("startTime", third, "limit", 2)), released.subList(2, 4));
        assertRowsAre(klines("BTCUSDT", "1h", Map.of("endTime", sixth, "limit", 2)), released.subList(4, 6));
        assertRowsAre(klines("BTCUSDT", "1h", Map.of("limit", 3)), released.subList(7, 10));
    }

    @Test
    void exchangeInfoTimeAndPing() {
        exchange.advance(2);

        JsonNode info = Json.MAPPER.readTree(market.exchangeInfo(new LinkedHashMap<>()));
        assertThat(info.get("timezone").stringValue()).isEqualTo("UTC");
        assertThat(info.get("serverTime").longValue())
                .isEqualTo(exchange.marketNow().toEpochMilli());
        assertThat(info.get("rateLimits").get(0).get("limit").intValue()).isEqualTo(6000);
        assertThat(info.get("symbols"))
                .extracting(node -> node.get("symbol").stringValue())
                .containsExactly("BTCUSDT", "ETHUSDT");
        JsonNode btcFilters = info.get("symbols").get(0).get("filters");
        assertThat(btcFilters.get(0).get("filterType").stringValue()).isEqualTo("PRICE_FILTER");
        assertThat(btcFilters.get(0).get("tickSize").stringValue()).isEqualTo("0.01000000");
        assertThat(btcFilters.get(1).get("stepSize").stringValue()).isEqualTo("0.00001000");
        assertThat(btcFilters.get(2).get("filterType").stringValue()).isEqualTo("NOTIONAL");
        assertThat(btcFilters.get(2).get("minNotional").stringValue()).isEqualTo("5.00000000");

        Map<String, Object> one = new LinkedHashMap<>(Map.of("symbol", "ETHUSDT"));
        JsonNode eth = Json.MAPPER.readTree(market.exchangeInfo(one)).get("symbols");
        assertThat(eth.size()).isEqualTo(1);
        assertThat(eth.get(0).get("status").stringValue()).isEqualTo("BREAK");
        assertThat(info.get("symbols").get(0).get("status").stringValue()).isEqualTo("TRADING");
        assertThat(eth.get(0).get("filters").get(2).get("filterType").stringValue())
                .isEqualTo("MIN_NOTIONAL");
        Map<String, Object> both =
                new LinkedHashMap<>(Map.of("symbols", new ArrayList<>(List.of("ETHUSDT", "BTCUSDT"))));
        assertThat(Json.MAPPER.readTree(market.exchangeInfo(both)).get("symbols"))
                .extracting(node -> node.get("symbol").stringValue())
                .containsExactly("ETHUSDT", "BTCUSDT");

        // The market clock is the latest close of any series: the ETH minutes are from 2024, the BTC hours from 2018.
        assertThat(Json.MAPPER.readTree(market.time()).get("serverTime").longValue())
                .isEqualTo(exchange.released("ETHUSDT", KlineInterval.M1)
                        .get(1)
                        .closeTime()
                        .toEpochMilli());
        assertThat(market.ping()).isEqualTo("{}");
    }

    @Test
    void serverTimeCanFollowTheWallClockInstead() {
        ManualClock wall = new ManualClock(java.time.Instant.parse("2030-01-01T00:00:00Z"));
        try (ExchangeSimulator wallTimed = ExchangeSimulator.start(SimulatorConfig.builder()
                .clock(wall)
                .serverTime(ServerTime.WALL_CLOCK)
                .klines("BTCUSDT", KlineInterval.M1, TestKlines.minutes(2, 100))
                .build())) {
            wallTimed.advance(1);
            Market wallMarket = new SpotClientImpl(wallTimed.restBaseUrl()).createMarket();

            assertThat(Json.MAPPER.readTree(wallMarket.time()).get("serverTime").longValue())
                    .isEqualTo(wall.instant().toEpochMilli());
            assertThat(wallTimed.marketNow())
                    .isEqualTo(TestKlines.START.plusSeconds(60).minusMillis(1));
        }
    }

    @Test
    void badRequestsGetBinanceErrorCodes() {
        assertClientError(() -> klines("DOGEUSDT", "1h", Map.of()), 400, -1121);
        assertClientError(() -> klines("BTCUSDT", "7h", Map.of()), 400, -1120);
        assertClientError(() -> klines("btcusdt", "1h", Map.of()), 400, -1100);
        assertClientError(() -> klines("BTCUSDT", "1h", Map.of("startTime", 5L, "endTime", 4L)), 400, -1023);
        assertClientError(() -> klines("BTCUSDT", "1h", Map.of("limit", 0)), 400, -1130);
        assertClientError(() -> market.exchangeInfo(new LinkedHashMap<>(Map.of("symbol", "DOGEUSDT"))), 400, -1121);
    }

    @Test
    void everyAnswerCarriesTheUsedWeightTheConnectorReads() {
        Market withUsage = new SpotClientImpl(exchange.restBaseUrl(), true).createMarket();

        withUsage.ping();
        JsonNode usage = Json.MAPPER.readTree(withUsage.exchangeInfo(new LinkedHashMap<>()));

        assertThat(usage.get("x-mbx-used-weight-1m").stringValue()).isEqualTo("21");
        assertThat(exchange.requests().all())
                .extracting(RecordedRequest::usedWeight)
                .containsExactly(1, 21);
    }

    @Test
    void injected429And418AreClientExceptionsWithRetryAfterOnTheWire() throws Exception {
        exchange.faults().rateLimitNextRequests(1, 3);
        exchange.faults().banNextRequests(1, 7);

        assertClientError(market::ping, 429, -1003);
        HttpResponse<String> banned = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(exchange.restBaseUrl() + "/api/v3/ping"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(banned.statusCode()).isEqualTo(418);
        assertThat(banned.headers().firstValue("Retry-After")).contains("7");
        assertThat(banned.headers().firstValue("X-MBX-USED-WEIGHT-1M")).isPresent();
        assertThat(banned.body()).contains("IP banned until");
        assertThat(exchange.requests().all())
                .extracting(request -> request.retryAfterSeconds().orElse(0))
                .containsExactly(3, 7);
        assertThat(exchange.faults().count(FaultType.REST_429)).isEqualTo(1);
        assertThat(exchange.faults().count(FaultType.REST_418)).isEqualTo(1);
        assertThat(market.ping()).isEqualTo("{}");
    }

    @Test
    void injected5xxAreServerExceptions() {
        exchange.faults().serverErrorNextRequests(1, 500);
        exchange.faults().serverErrorNextRequests(1, 503);

        assertThatThrownBy(market::ping)
                .isInstanceOfSatisfying(
                        BinanceServerException.class,
                        e -> assertThat(e.getHttpStatusCode()).isEqualTo(500));
        assertThatThrownBy(market::time)
                .isInstanceOfSatisfying(
                        BinanceServerException.class,
                        e -> assertThat(e.getHttpStatusCode()).isEqualTo(503));
        assertThat(exchange.faults().count(FaultType.REST_5XX)).isEqualTo(2);
        assertThat(exchange.requests().all()).allMatch(RecordedRequest::injectedFault);
    }

    private JsonNode klines(String symbol, String interval, Map<String, Object> extra) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("symbol", symbol);
        parameters.put("interval", interval);
        parameters.putAll(extra);
        return Json.MAPPER.readTree(market.klines(parameters));
    }

    private static void assertRowsAre(JsonNode rows, List<Kline> expected) {
        assertThat(rows.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Kline kline = expected.get(i);
            JsonNode row = rows.get(i);
            assertThat(row.get(0).longValue()).isEqualTo(kline.openTime().toEpochMilli());
            assertThat(row.get(1).stringValue()).isEqualTo(Json.decimal(kline.open()));
            assertThat(row.get(2).stringValue()).isEqualTo(Json.decimal(kline.high()));
            assertThat(row.get(3).stringValue()).isEqualTo(Json.decimal(kline.low()));
            assertThat(row.get(4).stringValue()).isEqualTo(Json.decimal(kline.close()));
            assertThat(row.get(5).stringValue()).isEqualTo(Json.decimal(kline.volume()));
            assertThat(row.get(6).longValue()).isEqualTo(kline.closeTime().toEpochMilli());
            assertThat(row.get(7).stringValue()).isEqualTo(Json.decimal(kline.quoteVolume()));
            assertThat(row.get(8).longValue()).isEqualTo(kline.trades());
            assertThat(row.get(9).stringValue()).isEqualTo(Json.decimal(kline.takerBuyBaseVolume()));
            assertThat(row.get(10).stringValue()).isEqualTo(Json.decimal(kline.takerBuyQuoteVolume()));
        }
    }

    private static void assertClientError(Runnable call, int httpStatus, int code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BinanceClientException.class, e -> {
            assertThat(e.getHttpStatusCode()).isEqualTo(httpStatus);
            assertThat(e.getErrorCode()).isEqualTo(code);
        });
    }
}
