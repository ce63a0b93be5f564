package dev.peregrine.execution.adapter.in.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.AccountSnapshot.AssetBalance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserDataFramesTest {

    /** user-data-stream.md's executionReport, trimmed to a realistic set of fields. */
    private static final String NEW_ORDER = """
            {"subscriptionId":0,"event":{"e":"executionReport","E":1499405658658,"s":"ETHBTC","c":"mUvoqJxFIILMdfAW5iGSOW",
             "S":"BUY","o":"LIMIT","f":"GTC","q":"1.00000000","p":"0.10264410","C":"","x":"NEW","X":"NEW","r":"NONE",
             "i":4293153,"l":"0.00000000","z":"0.00000000","L":"0.00000000","n":"0","N":null,"T":1499405658657,
             "t":-1,"I":8641984,"w":true,"m":false,"M":false}}""";

    @Test
    void anExecutionReportNamesTheOrdersOwnClientId() {
        UserDataEvent event = UserDataFrames.read(NEW_ORDER);

        assertThat(event)
                .isEqualTo(
                        new UserDataEvent.OrderUpdate("ETHBTC", "mUvoqJxFIILMdfAW5iGSOW", "NEW", "NEW", 4293153, -1));
        assertThat(event.type()).isEqualTo("executionReport");
    }

    @Test
    void aCancelsReportNamesTheCanceledOrderNotTheCancelRequest() {
        String cancel = """
                {"subscriptionId":3,"event":{"e":"executionReport","E":1,"s":"BTCUSDT","c":"cancel-1","C":"tp-1",
                 "x":"CANCELED","X":"CANCELED","i":7,"t":-1}}""";

        assertThat(UserDataFrames.read(cancel))
                .isEqualTo(new UserDataEvent.OrderUpdate("BTCUSDT", "tp-1", "CANCELED", "CANCELED", 7, -1));
    }

    @Test
    void aTradeCarriesItsTradeId() {
        String trade = """
                {"subscriptionId":0,"event":{"e":"executionReport","E":1,"s":"BTCUSDT","c":"buy-1","C":null,
                 "x":"TRADE","X":"FILLED","i":1,"t":12}}""";

        assertThat(UserDataFrames.read(trade))
                .isEqualTo(new UserDataEvent.OrderUpdate("BTCUSDT", "buy-1", "TRADE", "FILLED", 1, 12));
    }

    @Test
    void anAccountPositionCarriesFreeAndLockedExactlyAsSent() {
        String position = """
                {"subscriptionId":0,"event":{"e":"outboundAccountPosition","E":1564034571105,"u":1564034571073,
                 "B":[{"a":"ETH","f":"10000.000000","l":"0.000000"},{"a":"USDT","f":"899.50000000","l":"1.25"}]}}""";

        assertThat(UserDataFrames.read(position))
                .isEqualTo(new UserDataEvent.AccountPosition(
                        Instant.ofEpochMilli(1564034571105L),
                        List.of(
                                new AssetBalance("ETH", new BigDecimal("10000.000000"), new BigDecimal("0.000000")),
                                new AssetBalance("USDT", new BigDecimal("899.50000000"), new BigDecimal("1.25")))));
    }

    @Test
    void streamEndsAndShutdownsAreTheirOwnEvents() {
        assertThat(UserDataFrames.read("{\"subscriptionId\":0,\"event\":{\"e\":\"eventStreamTerminated\",\"E\":1}}"))
                .isInstanceOf(UserDataEvent.StreamTerminated.class);
        assertThat(UserDataFrames.read("{\"event\":{\"e\":\"serverShutdown\",\"E\":1}}"))
                .isInstanceOf(UserDataEvent.ServerShutdown.class);
        assertThat(UserDataFrames.read("{\"subscriptionId\":0,\"event\":{\"e\":\"balanceUpdate\",\"E\":1}}"))
                .isEqualTo(new UserDataEvent.Other("balanceUpdate"));
    }

    @Test
    void answersCarryTheSubscriptionOrTheRefusal() {
        UserDataEvent subscribed = UserDataFrames.read(
                "{\"id\":\"subscribe-1\",\"status\":200,\"result\":{\"subscriptionId\":4},\"rateLimits\":[]}");
        UserDataEvent refused = UserDataFrames.read(
                "{\"id\":\"subscribe-2\",\"status\":400,\"error\":{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}}");

        assertThat(subscribed).isEqualTo(new UserDataEvent.Answer("subscribe-1", 200, Optional.of(4), 0, ""));
        assertThat(((UserDataEvent.Answer) subscribed).ok()).isTrue();
        assertThat(refused)
                .isEqualTo(new UserDataEvent.Answer(
                        "subscribe-2", 400, Optional.empty(), -1022, "Signature for this request is not valid."));
        assertThat(((UserDataEvent.Answer) refused).ok()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json at all",
                "",
                "[1,2]",
                "{\"hello\":1}",
                "{\"event\":\"executionReport\"}",
                "{\"event\":{\"E\":1}}",
                "{\"event\":{\"e\":\"executionReport\",\"s\":\"BTCUSDT\",\"x\":\"NEW\",\"X\":\"NEW\",\"i\":1,\"t\":-1}}",
                "{\"event\":{\"e\":\"executionReport\",\"s\":\"BTCUSDT\",\"c\":\"a\",\"x\":\"NEW\",\"X\":\"NEW\",\"i\":\"1\",\"t\":-1}}",
                "{\"event\":{\"e\":\"outboundAccountPosition\",\"E\":1}}",
                "{\"event\":{\"e\":\"outboundAccountPosition\",\"E\":1,\"B\":[{\"a\":\"BTC\",\"f\":\"lots\",\"l\":\"0\"}]}}",
                "{\"event\":{\"e\":\"outboundAccountPosition\",\"E\":1,\"B\":[{\"a\":\"BTC\",\"f\":\"-1\",\"l\":\"0\"}]}}",
                "{\"event\":{\"e\":\"outboundAccountPosition\",\"E\":1,\"B\":[{\"a\":\"BTC\",\"f\":1.5,\"l\":\"0\"}]}}",
                "{\"id\":1,\"status\":\"ok\"}",
                "{\"event\":{\"e\":\"executionReport\"",
            })
    void anythingElseIsMalformedAndNeverThrows(String frame) {
        UserDataEvent event = UserDataFrames.read(frame);

        assertThat(event).isInstanceOf(UserDataEvent.Malformed.class);
        assertThat(event.type()).isEqualTo("malformed");
        assertThat(((UserDataEvent.Malformed) event).why()).isNotBlank();
    }
}
