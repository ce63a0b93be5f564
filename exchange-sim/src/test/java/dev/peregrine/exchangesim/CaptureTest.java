package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CaptureTest {

    @TempDir
    Path dir;

    @Test
    void readsTheCaptureSkippingTheRestSnapshotAndTheTruncatedLastLine() throws URISyntaxException {
        Capture capture =
                Capture.read(Path.of(getClass().getResource("/capture.log").toURI()));

        assertThat(capture.skippedLines()).isEqualTo(2);
        List<String> streams = capture.messages().stream()
                .map(CapturedMessage::stream)
                .distinct()
                .toList();
        assertThat(streams)
                .containsExactlyInAnyOrder(
                        "btcusdt@depth@100ms", "btcusdt@bookTicker", "btcusdt@trade", "btcusdt@aggTrade");
        assertThat(capture.messages())
                .filteredOn(message -> message.stream().equals("btcusdt@trade"))
                .hasSize(16);
        assertThat(capture.messages()).hasSize(39 + 16);
    }

    @Test
    void combinedTextIsTheRecordedTextAndDataIsThePayloadAlone() throws URISyntaxException, IOException {
        Path file = Path.of(getClass().getResource("/capture.log").toURI());
        String thirdLine = Files.readAllLines(file).get(2);
        Capture capture = Capture.read(file);

        CapturedMessage bookTicker = capture.messages().get(2);

        assertThat(bookTicker.stream()).isEqualTo("btcusdt@bookTicker");
        assertThat(bookTicker.combinedJson()).isEqualTo(thirdLine.substring(thirdLine.indexOf(' ') + 1));
        assertThat(bookTicker.dataJson())
                .isEqualTo(
                        "{\"u\":50093239212,\"s\":\"BTCUSDT\",\"b\":\"61837.63000000\",\"B\":\"3.78826000\",\"a\":\"61837.64000000\",\"A\":\"1.54698000\"}");
    }

    @Test
    void everyTradeIsFollowedByItsAggregateTradeWhenNoneWereRecorded() throws IOException {
        Path file = Files.writeString(
                dir.resolve("trades.log"),
                "100 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,\"s\":\"BTCUSDT\","
                        + "\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,\"M\":true}}\n");

        Capture capture = Capture.read(file);

        assertThat(capture.messages())
                .extracting(CapturedMessage::stream)
                .containsExactly("btcusdt@trade", "btcusdt@aggTrade");
        JsonNode agg = Json.MAPPER.readTree(capture.messages().get(1).dataJson());
        assertThat(agg.get("e").stringValue()).isEqualTo("aggTrade");
        assertThat(agg.get("a").longValue()).isEqualTo(3735683259L);
        assertThat(agg.get("f").longValue()).isEqualTo(3735683259L);
        assertThat(agg.get("l").longValue()).isEqualTo(3735683259L);
        assertThat(agg.get("p").stringValue()).isEqualTo("61837.63000000");
        assertThat(agg.get("q").stringValue()).isEqualTo("0.02000000");
        assertThat(agg.get("T").longValue()).isEqualTo(1723161255342L);
        assertThat(agg.get("m").booleanValue()).isTrue();
        assertThat(Json.MAPPER
                        .readTree(capture.messages().get(1).combinedJson())
                        .get("stream")
                        .stringValue())
                .isEqualTo("btcusdt@aggTrade");
    }

    @Test
    void recordedAggregateTradesAreNotDuplicated() throws IOException {
        Path file = Files.writeString(
                dir.resolve("both.log"),
                "1 {\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"a\":1}}\n"
                        + "2 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"t\":5}}\n");

        assertThat(Capture.read(file).messages())
                .extracting(CapturedMessage::stream)
                .containsExactly("btcusdt@aggTrade", "btcusdt@trade");
    }
}
