package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A recorded capture replayed to the official connector: trades, book tickers and derived aggregate trades. */
class CaptureStreamIT {

    private static final List<String> STREAMS = List.of("btcusdt@trade", "btcusdt@aggTrade", "btcusdt@bookTicker");

    private ExchangeSimulator exchange;
    private Capture capture;
    private final List<ConnectorStream> clients = new ArrayList<>();

    @BeforeEach
    void start() throws URISyntaxException {
        capture = Capture.read(Path.of(getClass().getResource("/capture.log").toURI()));
        exchange = ExchangeSimulator.start(
                SimulatorConfig.builder().capture(capture).build());
    }

    @AfterEach
    void stop() {
        clients.forEach(ConnectorStream::close);
        exchange.close();
    }

    private ConnectorStream connect(List<String> streams) {
        ConnectorStream client = ConnectorStream.combined(exchange.wsBaseUrl(), streams);
        clients.add(client);
        await().atMost(Duration.ofSeconds(5)).until(() -> exchange.openConnections() == clients.size());
        return client;
    }

    @Test
    void subscribersGetTheRecordedMessagesOfTheirStreamsInRecordedOrder() {
        ConnectorStream combined = connect(STREAMS);
        ConnectorStream rawTrades = ConnectorStream.kline(exchange.wsBaseUrl(), "BTCUSDT", "1m");
        clients.add(rawTrades);
        await().atMost(Duration.ofSeconds(5)).until(() -> exchange.openConnections() == 2);
        List<CapturedMessage> expected = capture.messages().stream()
                .filter(message -> STREAMS.contains(message.stream()))
                .toList();

        assertThat(exchange.releaseCaptured(1000)).isEqualTo(capture.messages().size());

        await().atMost(Duration.ofSeconds(5)).until(() -> combined.messages.size() == expected.size());
        assertThat(combined.messages)
                .containsExactlyElementsOf(
                        expected.stream().map(CapturedMessage::combinedJson).toList());
        assertThat(expected)
                .filteredOn(message -> message.stream().equals("btcusdt@aggTrade"))
                .hasSize(16);
        assertThat(exchange.capturedRemaining()).isZero();
        assertThat(rawTrades.messages).isEmpty();
    }

    @Test
    void playingTheCaptureDeliversItAtItsRecordedPaceScaled() {
        ConnectorStream trades = connect(List.of("btcusdt@trade"));

        exchange.playCapture(1000);

        await().atMost(Duration.ofSeconds(10)).until(() -> trades.messages.size() == 16);
        assertThat(trades.messages)
                .allSatisfy(message -> assertThat(Json.MAPPER
                                .readTree(message)
                                .get("data")
                                .get("e")
                                .stringValue())
                        .isEqualTo("trade"));
        await().atMost(Duration.ofSeconds(5)).until(() -> exchange.capturedRemaining() == 0 && !exchange.isPlaying());
    }
}
