package dev.peregrine.execution.adapter.in.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What exchange-sim never does: malformed frames, and a subscription that is never answered. */
class UnreliableServerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final VenueTimestamps LOCAL_TIME = new VenueTimestamps() {
        @Override
        public long nowMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void resync() {}
    };

    private ScriptedWsApi server;
    private StreamUnderTest subject;

    @AfterEach
    void stop() throws InterruptedException {
        if (subject != null) {
            subject.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void connect() {
        subject = new StreamUnderTest(server.url(), "scriptedKey", "scriptedSecret", LOCAL_TIME, Duration.ofHours(1))
                .started();
    }

    private static String subscribed(String request) {
        return "{\"id\":\"" + JSON.readTree(request).get("id").asString()
                + "\",\"status\":200,\"result\":{\"subscriptionId\":0}}";
    }

    private static String report(String clientOrderId) {
        return "{\"subscriptionId\":0,\"event\":{\"e\":\"executionReport\",\"E\":1,\"s\":\"BTCUSDT\",\"c\":\""
                + clientOrderId + "\",\"C\":\"\",\"x\":\"NEW\",\"X\":\"NEW\",\"i\":1,\"t\":-1}}";
    }

    @Test
    void malformedFramesAreCountedAndDroppedWhileTheStreamGoesOn() throws InterruptedException {
        server = ScriptedWsApi.start((conn, request) -> {
            conn.send(subscribed(request));
            conn.send("this is not JSON");
            conn.send(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            conn.send("{\"subscriptionId\":0,\"event\":{\"e\":\"executionReport\",\"s\":\"BTCUSDT\"}}");
            conn.send("{\"subscriptionId\":0,\"event\":{\"e\":\"outboundAccountPosition\",\"E\":1,"
                    + "\"B\":[{\"a\":\"BTC\",\"f\":\"-1\",\"l\":\"0\"}]}}");
            conn.send(report("after-garbage"));
        });

        connect();

        await().atMost(WAIT).until(() -> subject.venueEvents.changesOf("after-garbage") == 1);
        assertThat(subject.events("malformed")).isEqualTo(4);
        assertThat(subject.venueEvents.ordersChanged).containsExactly("after-garbage");
        assertThat(subject.venueEvents.accounts).isEmpty();
        assertThat(subject.venueEvents.gaps).containsExactly("start-up");
        assertThat(subject.connected()).isTrue();
        assertThat(server.connections).hasValue(1);
        assertThat(List.of(ReconnectReason.values()))
                .allSatisfy(reason -> assertThat(subject.reconnects(reason)).isZero());
    }

    @Test
    void aSubscriptionNeverAnsweredIsGivenUpAndTriedAgainWithBackOff() throws InterruptedException {
        server = ScriptedWsApi.start((WebSocket conn, String request) -> {});

        connect();

        await().atMost(WAIT).until(() -> subject.reconnects(ReconnectReason.SILENT) >= 2);
        assertThat(server.connections.get()).isGreaterThanOrEqualTo(2);
        assertThat(subject.venueEvents.gaps).isEmpty();
        assertThat(subject.connected()).isFalse();
        assertThat(subject.stream.isRunning()).isTrue();
    }
}
