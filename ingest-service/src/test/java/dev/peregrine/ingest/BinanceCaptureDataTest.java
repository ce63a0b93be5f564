package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.ingest.adapter.out.file.FileKlineSource;
import dev.peregrine.ingest.adapter.out.file.ReplayFileRules;
import dev.peregrine.ingest.application.port.out.KlineSource;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.stream.BinanceStreamParser;
import dev.peregrine.ingest.domain.stream.CaptureLine;
import dev.peregrine.ingest.domain.stream.MarketMessage;
import dev.peregrine.ingest.domain.stream.StreamMessage;
import dev.peregrine.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every message of the real captures in {@code ../shared/data/binance/ws-capture} through the parser the live
 * stream uses. Skipped where the data is absent, such as on a fresh clone.
 */
class BinanceCaptureDataTest {

    private final BinanceStreamParser parser = new BinanceStreamParser();

    /**
     * The expected counts were taken independently (Python's json module over the same files). The recorder was
     * stopped cleanly: both files end with a complete line, so no line at all is rejected; a last line cut by a
     * recorder stopping mid-write would be, with TRUNCATED (checked on the real last line below).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "btcusdt_20240808.log.gz, 41249, 9757, 28040, 3451, 1",
        "ethusdt_20240808.log.gz, 33618, 6106, 24077, 3434, 1",
    })
    void parsesEveryMessageOfTheCaptureAndACutLastLineIsRejectedAsTruncated(
            String name, long lines, long trades, long bookTickers, long depthUpdates, long snapshots)
            throws IOException {
        Path file = capture(name);
        Map<MessageKind, Long> counts = new EnumMap<>(MessageKind.class);
        List<String> rejected = new ArrayList<>();
        long read = 0;
        String last = null;
        try (KlineSource.Lines in =
                new FileKlineSource(ReplayFileRules.under(file.getParent())).open(file.toString())) {
            String line;
            while ((line = in.nextLine()) != null) {
                read++;
                last = line;
                switch (parse(line)) {
                    case StreamMessage.Rejected r ->
                        rejected.add("line " + read + ": " + r.reason() + ": " + r.detail());
                    case MarketMessage message -> counts.merge(message.kind(), 1L, Long::sum);
                }
            }
        }

        assertThat(rejected).isEmpty();
        assertThat(read).isEqualTo(lines);
        assertThat(counts)
                .isEqualTo(Map.of(
                        MessageKind.TRADE,
                        trades,
                        MessageKind.BOOK_TICKER,
                        bookTickers,
                        MessageKind.DEPTH_UPDATE,
                        depthUpdates,
                        MessageKind.DEPTH_SNAPSHOT,
                        snapshots));
        for (int cut = 1; cut < last.length(); cut++) {
            StreamMessage parsed = parse(last.substring(0, cut));
            assertThat(parsed)
                    .as("the last line cut after %d characters", cut)
                    .isInstanceOfSatisfying(
                            StreamMessage.Rejected.class,
                            r -> assertThat(r.reason()).isEqualTo(RejectionReason.TRUNCATED));
        }
    }

    private StreamMessage parse(String line) {
        return switch (CaptureLine.parse(line)) {
            case CaptureLine.Rejected r -> new StreamMessage.Rejected(r.reason(), r.detail());
            case CaptureLine.Entry entry -> parser.parse(entry.message());
        };
    }

    static Path capture(String name) {
        return SharedData.require("binance/ws-capture/" + name);
    }
}
