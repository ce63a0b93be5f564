package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedRequestsTest {

    /** The example of Binance's rest-api.md, "SIGNED endpoint examples for POST /api/v3/order - HMAC Keys". */
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    private static final String QUERY = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
            + "&recvWindow=5000&timestamp=1499827319559";
    private static final String SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    private final SignedRequests signed =
            new SignedRequests(TradingConfig.defaults().withKeys(API_KEY, SECRET));

    private static Map<String, List<String>> parameters(String raw) {
        return RestServer.parameters(raw);
    }

    @Test
    void theHmacOfBinancesDocumentedExample() {
        assertThat(SignedRequests.hmacSha256(SECRET, QUERY)).isEqualTo(SIGNATURE);
    }

    @Test
    void theSignatureCoversQueryThenBodyWithoutTheSignatureItself() {
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
        String body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature="
                + SignedRequests.hmacSha256(
                        SECRET, query + "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");
        Map<String, List<String>> all = parameters(query + "&" + body);

        assertThatCode(() ->
                        signed.verify(Optional.of(API_KEY), query, body, all, Instant.ofEpochMilli(1499827319559L)))
                .doesNotThrowAnyException();
    }

    @Test
    void keySignatureAndTimestampRefusals() {
        String raw = QUERY + "&signature=" + SIGNATURE;
        Instant server = Instant.ofEpochMilli(1499827319559L);

        assertRefused(() -> signed.verify(Optional.empty(), raw, "", parameters(raw), server), -2014);
        assertRefused(() -> signed.verify(Optional.of("x".repeat(64)), raw, "", parameters(raw), server), -2015);
        assertRefused(() -> signed.verify(Optional.of(API_KEY), QUERY, "", parameters(QUERY), server), -1102);
        String tampered = raw.replace("quantity=1", "quantity=2");
        assertRefused(() -> signed.verify(Optional.of(API_KEY), tampered, "", parameters(tampered), server), -1022);
        assertRefused(
                () -> signed.verify(Optional.of(API_KEY), raw, "", parameters(raw), server.minusMillis(1001)), -1021);
        assertRefused(
                () -> signed.verify(Optional.of(API_KEY), raw, "", parameters(raw), server.plusMillis(5001)), -1021);
        assertThatCode(() -> signed.verify(Optional.of(API_KEY), raw, "", parameters(raw), server.plusMillis(5000)))
                .doesNotThrowAnyException();
        String wide = "recvWindow=60001&timestamp=1&signature="
                + SignedRequests.hmacSha256(SECRET, "recvWindow=60001&timestamp=1");
        assertRefused(() -> signed.verify(Optional.of(API_KEY), wide, "", parameters(wide), server), -1131);
    }

    private static void assertRefused(Runnable call, int code) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        TradingRefusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(code));
    }
}
