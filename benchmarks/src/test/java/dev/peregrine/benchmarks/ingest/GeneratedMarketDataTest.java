package dev.peregrine.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.stream.BinanceStreamParser;
import dev.peregrine.ingest.domain.stream.StreamMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** The made-up data must take the path the benchmark claims: parsed, not refused, candles encoded, no rule tripped. */
class GeneratedMarketDataTest {

    private static final Instant START = Instant.parse("2024-08-08T23:54:00Z");
    private static final Blackhole SINK = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void theCombinedStreamParsesAndItsClosedKlinesBecomeCleanCandles() {
        List<GeneratedMarketData.TimedMessage> messages =
                GeneratedMarketData.combinedStream(List.of("BTCUSDT", "ETHUSDT"), START, Duration.ofMinutes(5), 1L);
        IngestHotPath path = new IngestHotPath("test");

        messages.forEach(m -> path.message(m.message(), m.receivedAt(), SINK));

        assertThat(path.rejected()).isZero();
        assertThat(path.refused()).isZero();
        // Four whole minutes close per symbol; their close equals the last trade, so no rule fires.
        assertThat(path.candles()).isEqualTo(8);
        assertThat(path.incidents()).isZero();
        long perSecondPerSymbol = messages.size() / 300 / 2;
        assertThat(perSecondPerSymbol).isBetween(110L, 130L);
        assertThat(path.messages(MessageKind.BOOK_TICKER)).isGreaterThan(path.messages(MessageKind.TRADE));
        assertThat(path.messages(MessageKind.TRADE)).isGreaterThan(path.messages(MessageKind.DEPTH_UPDATE));
        assertThat(path.messages(MessageKind.KLINE)).isEqualTo(2 * (150 + 4));
    }

    @Test
    void receiveTimesNeverGoBackwards() {
        List<GeneratedMarketData.TimedMessage> messages =
                GeneratedMarketData.combinedStream(List.of("BTCUSDT"), START, Duration.ofMinutes(2), 2L);

        assertThat(messages)
                .extracting(GeneratedMarketData.TimedMessage::receivedAt)
                .isSorted();
    }

    @Test
    void everyClosedKlineMessageIsACandleToPublish() {
        List<GeneratedMarketData.TimedMessage> messages = GeneratedMarketData.closedKlines(
                List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT"), START, 400, 42L);
        BinanceStreamParser parser = new BinanceStreamParser();
        IngestHotPath path = new IngestHotPath("test");

        assertThat(messages)
                .allSatisfy(m -> assertThat(parser.parse(m.message()))
                        .isInstanceOfSatisfying(
                                StreamMessage.Kline.class,
                                k -> assertThat(k.closed()).isTrue()));
        messages.forEach(m -> path.message(m.message(), m.receivedAt(), SINK));

        assertThat(path.candles()).isEqualTo(2_000);
        assertThat(path.refused()).isZero();
        assertThat(path.rejected()).isZero();
    }

    @Test
    void generatedKlineLinesParseIntoCandlesOnTheGrid() {
        List<String> lines = GeneratedMarketData.klineCsvLines(
                Instant.parse("2023-01-02T00:00:00Z"), Interval.FIFTEEN_MINUTES.millis(), 500, 15L);
        KlineCsvParser parser = new KlineCsvParser(new Series(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES));
        IngestHotPath path = new IngestHotPath("test");

        lines.forEach(line -> path.csvLine(parser, line, SINK));

        assertThat(path.candles()).isEqualTo(500);
        assertThat(path.rejected()).isZero();
        assertThat(path.refused()).isZero();
    }

    @Test
    void amountsAndPricesAreWrittenWithBinancesEightDecimals() {
        assertThat(GeneratedMarketData.price(6_183_763)).isEqualTo("61837.63000000");
        assertThat(GeneratedMarketData.price(5)).isEqualTo("0.05000000");
        assertThat(GeneratedMarketData.amount(2_000_000)).isEqualTo("0.02000000");
        assertThat(GeneratedMarketData.amount(123_456_789_012L)).isEqualTo("1234.56789012");
    }

    @Test
    void aFeedReadAgainAfterARestartIsNotRefusedAsDuplicates() {
        List<GeneratedMarketData.TimedMessage> messages =
                GeneratedMarketData.closedKlines(List.of("BTCUSDT"), START, 50, 3L);
        IngestHotPath path = new IngestHotPath("test");

        messages.forEach(m -> path.message(m.message(), m.receivedAt(), SINK));
        path.restart();
        messages.forEach(m -> path.message(m.message(), m.receivedAt(), SINK));

        assertThat(path.candles()).isEqualTo(100);
        assertThat(path.refused()).isZero();
    }
}
