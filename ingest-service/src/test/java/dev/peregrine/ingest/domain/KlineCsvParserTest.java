package dev.peregrine.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.KlineLines;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KlineCsvParserTest {

    private static final Series BTC_15M = new Series(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES);
    private static final String GOOD = "1672617600000,16617.17000000,16629.05000000,16610.03000000,16612.62000000,"
            + "1175.88274000,1672618499999,19542988.42354520,39720,540.48094000,8982747.83035750";

    private final KlineCsvParser parser = new KlineCsvParser(BTC_15M);

    @Test
    void parsesEveryColumnOfBinancesLayout() {
        ParseResult result = parser.parse(GOOD);

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        Candle candle = ((ParseResult.Parsed) result).candle();
        assertThat(candle.symbol()).isEqualTo(Symbol.of("BTCUSDT"));
        assertThat(candle.interval()).isEqualTo(Interval.FIFTEEN_MINUTES);
        assertThat(candle.openTime()).isEqualTo(Instant.parse("2023-01-02T00:00:00Z"));
        assertThat(candle.closeTime()).isEqualTo(Instant.parse("2023-01-02T00:14:59.999Z"));
        assertThat(candle.open()).isEqualTo(new BigDecimal("16617.17000000"));
        assertThat(candle.high()).isEqualTo(new BigDecimal("16629.05000000"));
        assertThat(candle.low()).isEqualTo(new BigDecimal("16610.03000000"));
        assertThat(candle.close()).isEqualTo(new BigDecimal("16612.62000000"));
        assertThat(candle.volume()).isEqualTo(new BigDecimal("1175.88274000"));
        assertThat(candle.quoteVolume()).isEqualTo(new BigDecimal("19542988.42354520"));
        assertThat(candle.trades()).isEqualTo(39720);
        assertThat(candle.takerBuyBaseVolume()).isEqualTo(new BigDecimal("540.48094000"));
        assertThat(candle.takerBuyQuoteVolume()).isEqualTo(new BigDecimal("8982747.83035750"));
    }

    @Test
    void acceptsBinancesTrailingIgnoreColumn() {
        ParseResult result = parser.parse(GOOD + ",0");

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((ParseResult.Parsed) result).candle().takerBuyQuoteVolume())
                .isEqualTo(new BigDecimal("8982747.83035750"));
    }

    @Test
    void readsEpochMicrosecondsOfBinancesNewerDumps() {
        String micros = "1735689600000000,1,2,0.5,1.5,10,1735690499999999,10,1,5,5";

        Candle candle = ((ParseResult.Parsed) parser.parse(micros)).candle();

        assertThat(candle.openTime()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(candle.closeTime()).isEqualTo(Instant.parse("2025-01-01T00:14:59.999Z"));
    }

    @Test
    void recognisesTheHeaderWithOrWithoutByteOrderMark() {
        assertThat(KlineCsvParser.isHeader(KlineLines.HEADER)).isTrue();
        assertThat(KlineCsvParser.isHeader("\uFEFF" + KlineLines.HEADER)).isTrue();
        assertThat(KlineCsvParser.isHeader("Open time,Open,High,Low,Close")).isTrue();
        assertThat(KlineCsvParser.isHeader(GOOD)).isFalse();
        assertThat(KlineCsvParser.isHeader("")).isFalse();
    }

    @Test
    void aHeaderGivenToTheParserIsRejectedNotParsed() {
        assertThat(parser.parse(KlineLines.HEADER)).isInstanceOf(ParseResult.Rejected.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "EMPTY_LINE         | ''",
                "EMPTY_LINE         | '   '",
                "WRONG_COLUMN_COUNT | 1672617600000,1,2,0.5,1.5,10,1672618499999,10,1,5",
                "WRONG_COLUMN_COUNT | 1672617600000,1,2,0.5,1.5,10,1672618499999,10,1,5,5,0,extra",
                "WRONG_COLUMN_COUNT | garbage",
                "BAD_TIMESTAMP      | 2023-01-02T00:00:00Z,1,2,0.5,1.5,10,1672618499999,10,1,5,5",
                "BAD_TIMESTAMP      | 1672617600000,1,2,0.5,1.5,10,,10,1,5,5",
                "BAD_TIMESTAMP      | -1,1,2,0.5,1.5,10,1672618499999,10,1,5,5",
                "BAD_TIMESTAMP      | 1672617600000,1,2,0.5,1.5,10,1672617600000,10,1,5,5",
                "BAD_TIMESTAMP      | 16726176000000,1,2,0.5,1.5,10,16726184999999,10,1,5,5",
                "NOT_A_NUMBER       | 1672617600000,abc,2,0.5,1.5,10,1672618499999,10,1,5,5",
                "NOT_A_NUMBER       | 1672617600000,1,2,0.5,1.5,,1672618499999,10,1,5,5",
                "NOT_A_NUMBER       | 1672617600000,1,2,0.5,1.5,10,1672618499999,10,1.5,5,5",
                "NOT_FINITE         | 1672617600000,1,NaN,0.5,1.5,10,1672618499999,10,1,5,5",
                "NOT_FINITE         | 1672617600000,1,2,0.5,Infinity,10,1672618499999,10,1,5,5",
                "NOT_FINITE         | 1672617600000,1,2,0.5,1.5,-inf,1672618499999,10,1,5,5",
                "NEGATIVE_VALUE     | 1672617600000,1,2,-0.5,1.5,10,1672618499999,10,1,5,5",
                "NEGATIVE_VALUE     | 1672617600000,1,2,0.5,1.5,-10,1672618499999,10,1,5,5",
                "NEGATIVE_VALUE     | 1672617600000,1,2,0.5,1.5,10,1672618499999,10,-1,5,5",
                "NEGATIVE_VALUE     | 1672617600000,1,2,0.5,1.5,10,1672618499999,10,1,5,-5",
                "ZERO_PRICE         | 1672617600000,0,2,0.5,1.5,10,1672618499999,10,1,5,5",
                "OUT_OF_RANGE       | 1672617600000,1e999999,2,0.5,1.5,10,1672618499999,10,1,5,5",
                "OUT_OF_RANGE       | 1672617600000,1E+2147483647,2,0.5,1.5,10,1672618499999,10,1,5,5",
                "OUT_OF_RANGE       | 1672617600000,1,2,0.5,1.5,0.0000000000000000001,1672618499999,10,1,5,5",
            })
    void rejectsBadLinesWithAReasonInsteadOfThrowing(RejectionReason expected, String line) {
        ParseResult result = parser.parse(line);

        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(expected);
            assertThat(rejected.detail()).isNotBlank();
        });
    }

    @Test
    void theDetailNamesTheColumnAndTheValue() {
        ParseResult.Rejected rejected =
                (ParseResult.Rejected) parser.parse("1672617600000,1,2,0.5,oops,10,1672618499999,10,1,5,5");

        assertThat(rejected.detail()).isEqualTo("close is not a decimal number: 'oops'");
    }

    @Test
    void aNullLineIsAnEmptyLine() {
        assertThat(((ParseResult.Rejected) parser.parse(null)).reason()).isEqualTo(RejectionReason.EMPTY_LINE);
    }
}
