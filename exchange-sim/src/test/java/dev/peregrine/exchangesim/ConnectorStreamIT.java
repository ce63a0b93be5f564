package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The official connector's stream client against the simulator: kline messages as released, and every fault. */
class ConnectorStreamIT {

    private static final List<String> STREAMS = List.of("btcusdt@kline_1m", "ethusdt@kline_1m");

    private final ManualClock clock = new ManualClock(Instant.parse("2024-06-01T12:00:00Z"));
    private ExchangeSimulator exchange;
    private final List<ConnectorStream> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        exchange = start(0);
    }

    private ExchangeSimulator start(int updatesBeforeClose) {
        return ExchangeSimulator.start(SimulatorConfig.builder()
                .clock(clock)
                .klines("BTCUSDT", KlineInterval.M1, TestKlines.minutes(20, 100))
                .klines("ETHUSDT", KlineInterval.M1, TestKlines.minutes(20, 2000))
                .klineUpdatesBeforeClose(updatesBeforeClose)
                .build());
    }

    @AfterEach
    void stop() {
        clients.forEach(ConnectorStream::close);
        exchange.close();
    }

    private ConnectorStream connectCombined() {
        ConnectorStream client = ConnectorStream.combined(exchange.wsBaseUrl(), STREAMS);
        clients.add(client);
        awaitConnections(1);
        return client;
    }

    private void awaitConnections(int count) {
        // The client may see the upgrade before the server has registered the connection; data sent in between would be
        // lost.
        await().atMost(Duration.ofSeconds(5)).until(() -> exchange.openConnections() == count);
    }

    @Test
    void klineMessagesArriveInReleaseOrderInBinanceFormat() {
        ConnectorStream client = connectCombined();

        exchange.advance(1);
        exchange.advance(2);

        await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() == 6);
        List<JsonNode> messages =
                client.messages.stream().map(Json.MAPPER::readTree).toList();
        assertThat(messages)
                .extracting(message -> message.get("stream").stringValue())
                .containsExactly(
                        "btcusdt@kline_1m",
                        "ethusdt@kline_1m",
                        "btcusdt@kline_1m",
                        "ethusdt@kline_1m",
                        "btcusdt@kline_1m",
                        "ethusdt@kline_1m");
        List<Kline> btc = exchange.released("BTCUSDT", KlineInterval.M1);
        for (int i = 0; i < 3; i++) {
            JsonNode data = messages.get(2 * i).get("data");
            JsonNode k = data.get("k");
            assertThat(data.get("e").stringValue()).isEqualTo("kline");
            assertThat(data.get("s").stringValue()).isEqualTo("BTCUSDT");
            assertThat(k.get("t").longValue()).isEqualTo(btc.get(i).openTime().toEpochMilli());
            assertThat(k.get("T").longValue()).isEqualTo(btc.get(i).closeTime().toEpochMilli());
            assertThat(k.get("i").stringValue()).isEqualTo("1m");
            assertThat(k.get("o").stringValue())
                    .isEqualTo(Json.decimal(btc.get(i).open()));
            assertThat(k.get("c").stringValue())
                    .isEqualTo(Json.decimal(btc.get(i).close()));
            assertThat(k.get("h").stringValue())
                    .isEqualTo(Json.decimal(btc.get(i).high()));
            assertThat(k.get("l").stringValue())
                    .isEqualTo(Json.decimal(btc.get(i).low()));
            assertThat(k.get("v").stringValue()).isEqualTo("1.50000000");
            assertThat(k.get("x").booleanValue()).isTrue();
        }
    }

    @Test
    void aRawKlineStreamGetsThePayloadWithoutTheCombinedEnvelope() {
        ConnectorStream raw = ConnectorStream.kline(exchange.wsBaseUrl(), "BTCUSDT", "1m");
        clients.add(raw);
        awaitConnections(1);

        exchange.advance(2);

        await().atMost(Duration.ofSeconds(5)).until(() -> raw.messages.size() == 2);
        assertThat(raw.messages)
                .allSatisfy(message -> assertThat(
                                Json.MAPPER.readTree(message).get("e").stringValue())
                        .isEqualTo("kline"));
        assertThat(raw.messages).noneMatch(message -> message.contains("\"stream\""));
    }

    @Test
    void openUpdatesPrecedeTheClosedKlineWhenConfigured() {
        exchange.close();
        exchange = start(2);
        ConnectorStream client = ConnectorStream.kline(exchange.wsBaseUrl(), "BTCUSDT", "1m");
        clients.add(client);
        awaitConnections(1);

        exchange.advance(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() == 3);
        assertThat(client.messages)
                .extracting(message ->
                        Json.MAPPER.readTree(message).get("k").get("x").booleanValue())
                .containsExactly(false, false, true);
        assertThat(client.messages)
                .extracting(message -> Json.MAPPER.readTree(message).get("E").longValue())
                .isSorted();
    }

    @Test
    void playReleasesEverythingInOrderAtItsPace() {
        ConnectorStream client = connectCombined();

        exchange.play(Duration.ofMillis(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> client.messages.size() == 40);
        assertThat(exchange.exhausted()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !exchange.isPlaying());
        List<Long> btcOpenTimes = client.messages.stream()
                .map(Json.MAPPER::readTree)
                .filter(message -> message.get("stream").stringValue().startsWith("btcusdt"))
                .map(message -> message.get("data").get("k").get("t").longValue())
                .toList();
        assertThat(btcOpenTimes).hasSize(20).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void droppedConnectionsReachTheClientsFailureCallback() {
        ConnectorStream client = connectCombined();

        assertThat(exchange.faults().dropAllConnections()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).until(client::ended);
        assertThat(client.failures).isNotEmpty();
        assertThat(exchange.faults().count(FaultType.DROP_CONNECTIONS)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> exchange.connectionClosures().stream()
                        .anyMatch(closure -> closure.reason() == ConnectionClosure.Reason.DROPPED_BY_FAULT));
    }

    @Test
    void malformedAndTruncatedMessagesArriveAsTheyWereSent() {
        ConnectorStream client = connectCombined();
        exchange.advance(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() == 2);
        String lastKline = client.messages.get(1);

        exchange.faults().sendMalformedMessage();
        exchange.faults().sendTruncatedMessage();
        exchange.faults().sendRawText("hello");

        await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() == 5);
        assertThat(client.messages.get(2)).isEqualTo(SimulatorFaults.MALFORMED);
        assertThatThrownBy(() -> Json.MAPPER.readTree(client.messages.get(2))).isInstanceOf(JacksonException.class);
        assertThat(lastKline).startsWith(client.messages.get(3));
        assertThat(client.messages.get(3)).hasSize(lastKline.length() / 2);
        assertThatThrownBy(() -> Json.MAPPER.readTree(client.messages.get(3))).isInstanceOf(JacksonException.class);
        assertThat(client.messages.get(4)).isEqualTo("hello");
        assertThat(client.ended()).isFalse();
        assertThat(exchange.faults().counts())
                .containsEntry(FaultType.MALFORMED_MESSAGE, 1L)
                .containsEntry(FaultType.TRUNCATED_MESSAGE, 1L)
                .containsEntry(FaultType.RAW_MESSAGE, 1L);
    }

    @Test
    void duplicateAndOutOfOrderKlinesReachTheClient() {
        ConnectorStream client = connectCombined();
        exchange.advance(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() == 4);

        exchange.faults().duplicateLastKline();
        exchange.faults().sendOutOfOrderKline();

        await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() == 6);
        assertThat(client.messages.get(4)).isEqualTo(client.messages.get(3));
        long newest = Json.MAPPER
                .readTree(client.messages.get(3))
                .get("data")
                .get("k")
                .get("t")
                .longValue();
        JsonNode older = Json.MAPPER.readTree(client.messages.get(5));
        assertThat(older.get("stream").stringValue()).isEqualTo("ethusdt@kline_1m");
        assertThat(older.get("data").get("k").get("t").longValue()).isEqualTo(newest - 60_000);
        assertThat(older.get("data").get("k").get("x").booleanValue()).isTrue();
        assertThat(exchange.faults().count(FaultType.DUPLICATE_KLINE)).isEqualTo(1);
        assertThat(exchange.faults().count(FaultType.OUT_OF_ORDER_KLINE)).isEqualTo(1);
    }

    @Test
    void aStallKeepsTheConnectionOpenButSendsNothingUntilItEnds() {
        ConnectorStream client = connectCombined();

        exchange.faults().stallStreams(Duration.ofMinutes(1));
        exchange.advance(1);
        // Sent after the stalled klines on the same connection: once it arrives, a kline sent before it would have too.
        exchange.faults().sendRawText("marker");

        await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.contains("marker"));
        assertThat(client.messages).containsExactly("marker");
        assertThat(exchange.messagesSuppressedByStall()).isEqualTo(2);
        assertThat(exchange.released("BTCUSDT", KlineInterval.M1)).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        exchange.advance(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() == 3);
        assertThat(Json.MAPPER
                        .readTree(client.messages.get(1))
                        .get("data")
                        .get("k")
                        .get("t")
                        .longValue())
                .isEqualTo(exchange.released("BTCUSDT", KlineInterval.M1)
                        .get(1)
                        .openTime()
                        .toEpochMilli());
        assertThat(client.ended()).isFalse();
        assertThat(exchange.openConnections()).isEqualTo(1);
    }
}
