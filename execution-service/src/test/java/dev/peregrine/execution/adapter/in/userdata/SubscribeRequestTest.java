package dev.peregrine.execution.adapter.in.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.binance.connector.client.utils.signaturegenerator.HmacSignatureGenerator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SubscribeRequestTest {

    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    @Test
    void thePayloadIsEveryParamSortedByNameWhichVerifiesTheDocumentedHmacExample() {
        // web-socket-api.md, "SIGNED request example (HMAC)", params in the order the example lists them.
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("symbol", "BTCUSDT");
        params.put("side", "SELL");
        params.put("type", "LIMIT");
        params.put("timeInForce", "GTC");
        params.put("quantity", "0.01000000");
        params.put("price", "52000.00");
        params.put("newOrderRespType", "ACK");
        params.put("recvWindow", 100);
        params.put("timestamp", 1645423376532L);
        params.put("apiKey", API_KEY);

        String payload = SubscribeRequest.payload(params);

        assertThat(payload)
                .isEqualTo(
                        "apiKey=" + API_KEY + "&newOrderRespType=ACK&price=52000.00&quantity=0.01000000"
                                + "&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT");
        assertThat(new HmacSignatureGenerator(SECRET).getSignature(payload))
                .isEqualTo("cc15477742bd704c29492d96c7ead9414dfd8e0ec4a00f947bb5bb454ddbd08a");
    }

    @Test
    void theSubscriptionIsSignedOverItsKeyWindowAndTimestamp() {
        SubscriptionSigner signer = new SubscriptionSigner(API_KEY, new HmacSignatureGenerator(SECRET));

        JsonNode request = JsonMapper.builder()
                .build()
                .readTree(SubscribeRequest.frame("subscribe-7", signer, 1645423376532L, Duration.ofSeconds(5)));

        assertThat(request.get("id").asString()).isEqualTo("subscribe-7");
        assertThat(request.get("method").asString()).isEqualTo("userDataStream.subscribe.signature");
        JsonNode params = request.get("params");
        assertThat(params.propertyNames()).containsExactly("apiKey", "recvWindow", "timestamp", "signature");
        assertThat(params.get("timestamp").longValue()).isEqualTo(1645423376532L);
        assertThat(params.get("recvWindow").longValue()).isEqualTo(5000);
        assertThat(params.get("signature").asString())
                .isEqualTo(new HmacSignatureGenerator(SECRET)
                        .getSignature("apiKey=" + API_KEY + "&recvWindow=5000&timestamp=1645423376532"));
    }

    @Test
    void theSignerNeverShowsTheKey() {
        SubscriptionSigner signer = new SubscriptionSigner(API_KEY, new HmacSignatureGenerator(SECRET));

        assertThat(signer.toString())
                .doesNotContain(API_KEY.substring(0, 10))
                .doesNotContain(SECRET)
                .endsWith("Eh8A]");
    }
}
