package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Binance's WebSocket rules: live subscriptions, at most 1024 streams per connection, at most 5 incoming messages
 * per second, server pings answered by pongs, and the 24-hour connection age. The wall clock is manual, so "per
 * second" and "24 hours" are exact.
 */
class StreamLimitsIT {

    // Generous: awaits return as soon as their condition holds, and a loaded CI machine once needed more than 5 s.
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock(Instant.parse("2024-06-01T12:00:00Z"));
    private ExchangeSimulator exchange;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        exchange = ExchangeSimulator.start(SimulatorConfig.builder()
                .clock(clock)
                .klines("BTCUSDT", KlineInterval.M1, TestKlines.minutes(5, 100))
                .build());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        exchange.close();
    }

    private JdkStream jdk(String path) {
        JdkStream client = JdkStream.connect(exchange.wsBaseUrl() + path);
        clients.add(client);
        await().atMost(WAIT).until(() -> exchange.openConnections() == clients.size());
        return client;
    }

    private static List<String> streams(int count) {
        return IntStream.range(0, count).mapToObj(i -> "s" + i + "usdt@trade").toList();
    }

    @Test
    void liveSubscribeListUnsubscribeAndProperties() {
        JdkStream client = jdk("/stream");

        client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@kline_1m\"],\"id\":1}");
        await().atMost(WAIT).until(() -> client.messages.size() == 1);
        assertThat(client.messages.getFirst()).isEqualTo("{\"result\":null,\"id\":1}");
        exchange.advance(1);
        await().atMost(WAIT).until(() -> client.messages.size() == 2);
        assertThat(Json.MAPPER.readTree(client.messages.get(1)).get("stream").stringValue())
                .isEqualTo("btcusdt@kline_1m");

        client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"list-1\"}");
        client.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",false],\"id\":3}");
        client.send("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":4}");
        await().atMost(WAIT).until(() -> client.messages.size() == 5);
        assertThat(client.messages.subList(2, 5))
                .containsExactly(
                        "{\"result\":[\"btcusdt@kline_1m\"],\"id\":\"list-1\"}",
                        "{\"result\":null,\"id\":3}",
                        "{\"result\":false,\"id\":4}");
        exchange.advance(1);
        await().atMost(WAIT).until(() -> client.messages.size() == 6);
        assertThat(Json.MAPPER.readTree(client.messages.get(5)).get("e").stringValue())
                .isEqualTo("kline");

        clock.advance(Duration.ofSeconds(1));
        client.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@kline_1m\"],\"id\":5}");
        await().atMost(WAIT).until(() -> client.messages.size() == 7);
        exchange.advance(1);
        exchange.faults().sendRawText("marker");
        await().atMost(WAIT).until(() -> client.messages.contains("marker"));
        assertThat(client.messages.subList(6, client.messages.size()))
                .containsExactly("{\"result\":null,\"id\":5}", "marker");
    }

    @Test
    void badRequestsAreAnsweredWithBinanceErrors() {
        JdkStream client = jdk("/ws");

        client.send("{not json");
        client.send("{\"method\":\"PUBLISH\",\"params\":[],\"id\":7}");
        client.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"colour\",true],\"id\":8}");
        client.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",\"yes\"],\"id\":9}");

        await().atMost(WAIT).until(() -> client.messages.size() == 4);
        List<JsonNode> answers =
                client.messages.stream().map(Json.MAPPER::readTree).toList();
        assertThat(answers)
                .extracting(answer -> answer.get("error").get("code").intValue())
                .containsExactly(3, 2, 0, 1);
        assertThat(answers.get(1).get("id").intValue()).isEqualTo(7);
        assertThat(answers.get(1).get("error").get("msg").stringValue()).contains("unknown variant `PUBLISH`");
    }

    @Test
    void aConnectionMayListenTo1024StreamsAndNoMoreInItsUrl() {
        ConnectorStream full = ConnectorStream.combined(exchange.wsBaseUrl(), streams(1024));
        clients.add(full);
        await().atMost(WAIT).until(() -> full.opened.get());

        ConnectorStream tooMany = ConnectorStream.combined(exchange.wsBaseUrl(), streams(1025));
        clients.add(tooMany);

        await().atMost(WAIT).until(() -> !tooMany.failures.isEmpty());
        assertThat(tooMany.opened).isFalse();
        assertThat(tooMany.failureResponse.get()).isNotNull();
        assertThat(tooMany.failureResponse.get().code()).isNotEqualTo(101);
        assertThat(exchange.openConnections()).isEqualTo(1);
    }

    @Test
    void subscribingBeyond1024StreamsIsRefused() {
        JdkStream client = jdk("/ws");
        String first1024 = Json.MAPPER.writeValueAsString(streams(1024));

        client.send("{\"method\":\"SUBSCRIBE\",\"params\":" + first1024 + ",\"id\":1}");
        client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@kline_1m\"],\"id\":2}");
        client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}");

        await().atMost(WAIT).until(() -> client.messages.size() == 3);
        assertThat(client.messages.get(0)).isEqualTo("{\"result\":null,\"id\":1}");
        assertThat(client.messages.get(1))
                .isEqualTo("{\"error\":{\"code\":4,\"msg\":\"Too many subscriptions\"},\"id\":2}");
        assertThat(Json.MAPPER.readTree(client.messages.get(2)).get("result").size())
                .isEqualTo(1024);
    }

    @Test
    void moreThanFiveMessagesWithinASecondDropTheConnection() {
        JdkStream patient = jdk("/ws");
        for (int i = 0; i < 10; i++) {
            patient.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
            final int answered = i + 1;
            await().atMost(WAIT).until(() -> patient.messages.size() == answered);
            clock.advance(Duration.ofMillis(500));
        }
        JdkStream hasty = jdk("/ws");

        for (int i = 0; i < 6; i++) {
            hasty.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
        }

        await().atMost(WAIT).until(() -> hasty.closeCode.get() == 1008);
        assertThat(hasty.messages).hasSize(5);
        assertThat(patient.ended()).isFalse();
        assertThat(exchange.connectionClosures())
                .extracting(ConnectionClosure::reason)
                .containsExactly(ConnectionClosure.Reason.MESSAGE_RATE_EXCEEDED);
    }

    @Test
    void theServerPingsEveryConnection() {
        JdkStream client = jdk("/ws/btcusdt@kline_1m");

        clock.advance(Duration.ofSeconds(20));
        await().atMost(WAIT).until(() -> client.pings.get() == 1);

        assertThat(client.ended()).isFalse();
    }

    @Test
    void aConnectionThatNeverAnswersPingsIsDropped() throws IOException {
        Socket socket = new Socket("127.0.0.1", exchange.wsPort());
        socket.setSoTimeout((int) WAIT.toMillis());
        clients.add(socket);
        upgrade(socket, "/ws/btcusdt@kline_1m");
        await().atMost(WAIT).until(() -> exchange.openConnections() == 1);

        clock.advance(Duration.ofSeconds(20));
        await().atMost(WAIT).until(() -> socket.getInputStream().available() > 0);
        clock.advance(Duration.ofMinutes(1));

        await().atMost(WAIT).until(() -> exchange.openConnections() == 0);
        assertThat(exchange.connectionClosures())
                .extracting(ConnectionClosure::reason)
                .containsExactly(ConnectionClosure.Reason.PONG_TIMEOUT);
        assertThat(readUntilEndOfStream(socket.getInputStream())).isTrue();
    }

    @Test
    void connectionsAreClosedByTheServerAfter24Hours() {
        ConnectorStream client = ConnectorStream.combined(exchange.wsBaseUrl(), List.of("btcusdt@kline_1m"));
        clients.add(client);
        await().atMost(WAIT).until(() -> exchange.openConnections() == 1);

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        exchange.faults().sendRawText("still open");
        await().atMost(WAIT).until(() -> client.messages.contains("still open"));
        clock.advance(Duration.ofMinutes(1));

        await().atMost(WAIT).until(() -> !client.closingCodes.isEmpty());
        assertThat(client.closingCodes).containsExactly(1001);
        assertThat(exchange.connectionClosures())
                .extracting(ConnectionClosure::reason)
                .containsExactly(ConnectionClosure.Reason.MAX_AGE_REACHED);
    }

    private static void upgrade(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        InputStream in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
    }

    private static boolean readUntilEndOfStream(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        while (true) {
            if (in.read(buffer) < 0) {
                return true;
            }
        }
    }
}
