package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.impl.SpotClientImpl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /sapi/v1/account/apiRestrictions} through the official connector's {@code Wallet.apiPermission}. */
class ApiRestrictionsIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private ExchangeSimulator exchange;

    @AfterEach
    void stop() {
        exchange.close();
    }

    private ExchangeSimulator start(SimulatorConfig.Builder builder) {
        exchange = ExchangeSimulator.start(builder.instrument(TradingIT.BTC)
                .klines("BTCUSDT", KlineInterval.M1, TradingIT.FALLING)
                .balance("USDT", "1000")
                .build());
        exchange.advance(1);
        return exchange;
    }

    private SpotClientImpl client(String secret) {
        return new SpotClientImpl(TradingConfig.DEFAULT_API_KEY, secret, exchange.restBaseUrl());
    }

    private Map<String, Object> signedParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("timestamp", exchange.serverTime().toEpochMilli());
        return params;
    }

    private JsonNode restrictions() {
        return Json.MAPPER.readTree(
                client(TradingConfig.DEFAULT_SECRET_KEY).createWallet().apiPermission(signedParams()));
    }

    @Test
    void aDefaultKeyIsIpRestrictedMayReadAndTradeSpotButNotWithdraw() {
        start(SimulatorConfig.builder());

        JsonNode answer = restrictions();

        List<String> fields = new ArrayList<>();
        answer.propertyNames().forEach(fields::add);
        assertThat(fields)
                .containsExactly(
                        "ipRestrict",
                        "createTime",
                        "enableReading",
                        "enableWithdrawals",
                        "enableInternalTransfer",
                        "enableMargin",
                        "enableFutures",
                        "permitsUniversalTransfer",
                        "enableVanillaOptions",
                        "enableFixApiTrade",
                        "enableFixReadOnly",
                        "enableSpotAndMarginTrading",
                        "enablePortfolioMarginTrading");
        assertThat(answer.get("ipRestrict").booleanValue()).isTrue();
        assertThat(answer.get("enableReading").booleanValue()).isTrue();
        assertThat(answer.get("enableSpotAndMarginTrading").booleanValue()).isTrue();
        assertThat(answer.get("enableWithdrawals").booleanValue()).isFalse();
        assertThat(answer.get("enableFutures").booleanValue()).isFalse();
        assertThat(answer.get("createTime").longValue()).isEqualTo(TestKlines.START.toEpochMilli());
        assertThat(exchange.requests().all())
                .extracting(RecordedRequest::path, RecordedRequest::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SapiApi.API_RESTRICTIONS, 1));
    }

    @Test
    void restrictionsAreConfiguredInJavaAndChangedOverTheControlApi() throws Exception {
        start(SimulatorConfig.builder()
                .apiRestrictions(ApiRestrictions.defaults().with(ApiRestrictions.ENABLE_WITHDRAWALS, true)));
        assertThat(restrictions().get("enableWithdrawals").booleanValue()).isTrue();

        HttpResponse<String> changed = control(
                "/sim/api-restrictions?enableWithdrawals=false&ipRestrict=false" + "&enableSpotAndMarginTrading=false");

        assertThat(changed.statusCode()).isEqualTo(200);
        JsonNode answer = restrictions();
        assertThat(answer.get("enableWithdrawals").booleanValue()).isFalse();
        assertThat(answer.get("ipRestrict").booleanValue()).isFalse();
        assertThat(answer.get("enableSpotAndMarginTrading").booleanValue()).isFalse();
        assertThat(control("/sim/api-restrictions?enableTeleport=true").statusCode())
                .isEqualTo(400);
        assertThat(control("/sim/api-restrictions?enableWithdrawals=yes").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aKeyWithoutSpotTradingIsRefusedOrdersButMayStillRead() {
        start(SimulatorConfig.builder());
        exchange.apiRestrictions(
                exchange.apiRestrictions().with(ApiRestrictions.ENABLE_SPOT_AND_MARGIN_TRADING, false));
        Map<String, Object> order = signedParams();
        order.put("symbol", "BTCUSDT");
        order.put("side", "BUY");
        order.put("type", "MARKET");
        order.put("quantity", "1");

        assertThatThrownBy(() ->
                        client(TradingConfig.DEFAULT_SECRET_KEY).createTrade().newOrder(order))
                .isInstanceOfSatisfying(BinanceClientException.class, e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(401);
                    assertThat(e.getErrorCode()).isEqualTo(-2015);
                });
        assertThat(exchange.orders("BTCUSDT")).isEmpty();
        assertThat(client(TradingConfig.DEFAULT_SECRET_KEY).createTrade().account(signedParams()))
                .contains("\"balances\"");
    }

    @Test
    void theRequestMustBeSigned() {
        start(SimulatorConfig.builder());

        assertThatThrownBy(() -> client("wrongSecret").createWallet().apiPermission(signedParams()))
                .isInstanceOfSatisfying(
                        BinanceClientException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(-1022));
    }

    @Test
    void onTheTestnetSapiPathsAnswer404() throws Exception {
        start(SimulatorConfig.builder().testnet(true));

        assertThatThrownBy(this::restrictions)
                .isInstanceOfSatisfying(
                        BinanceClientException.class,
                        e -> assertThat(e.getHttpStatusCode()).isEqualTo(404));
        HttpResponse<String> ping = http.send(
                HttpRequest.newBuilder(URI.create(exchange.restBaseUrl() + "/api/v3/ping"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ping.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> control(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(exchange.restBaseUrl() + pathAndQuery))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
