package dev.peregrine.ingest.domain.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.RejectionReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinanceStreamParserTest {

    private static final Symbol BTC = Symbol.of("BTCUSDT");

    static final String KLINE = """
            {"e":"kline","E":1723161660005,"s":"BTCUSDT","k":{"t":1723161600000,"T":1723161659999,"s":"BTCUSDT",\
            "i":"1m","f":3735693016,"L":3735694000,"o":"61686.00000000","c":"61700.10000000","h":"61720.00000000",\
            "l":"61650.00000000","v":"12.50000000","n":985,"x":true,"q":"771000.12500000","V":"6.25000000",\
            "Q":"385500.06250000","B":"0"}}""";
    static final String AGG_TRADE = """
            {"e":"aggTrade","E":1723161255343,"s":"BTCUSDT","a":2200000001,"p":"61837.63000000","q":"0.02000000",\
            "f":3735683259,"l":3735683260,"T":1723161255342,"m":true,"M":true}""";
    static final String TRADE = """
            {"e":"trade","E":1723161255343,"s":"BTCUSDT","t":3735683259,"p":"61837.63000000","q":"0.02000000",\
            "T":1723161255342,"m":true,"M":true}""";
    static final String BOOK_TICKER = """
            {"u":50093239212,"s":"BTCUSDT","b":"61837.63000000","B":"3.78826000","a":"61837.64000000","A":"1.54698000"}""";
    static final String DEPTH = """
            {"e":"depthUpdate","E":1723161255208,"s":"BTCUSDT","U":50093239189,"u":50093239202,\
            "b":[["61737.63000000","0.00000000"],["61730.17000000","1.5"]],"a":[["61837.64000000","1.54698000"]]}""";
    static final String SNAPSHOT = """
            {"lastUpdateId":50093239218,"bids":[["61837.63000000","3.78826000"]],"asks":[["61837.64000000","1.6"]]}""";

    private final BinanceStreamParser parser = new BinanceStreamParser();

    @Test
    void readsAClosedKlineIntoTheCandleAKlineCsvLineWouldGive() {
        StreamMessage message = parser.parse(combined("btcusdt@kline_1m", KLINE));

        assertThat(message).isInstanceOfSatisfying(StreamMessage.Kline.class, kline -> {
            assertThat(kline.kind()).isEqualTo(MessageKind.KLINE);
            assertThat(kline.eventTime()).isEqualTo(Instant.ofEpochMilli(1723161660005L));
            assertThat(kline.closed()).isTrue();
            assertThat(kline.series().interval()).isEqualTo(Interval.ONE_MINUTE);
            assertThat(kline.toCandle())
                    .isEqualTo(new Candle(
                            BTC,
                            Interval.ONE_MINUTE,
                            Instant.ofEpochMilli(1723161600000L),
                            Instant.ofEpochMilli(1723161659999L),
                            bd("61686.00000000"),
                            bd("61720.00000000"),
                            bd("61650.00000000"),
                            bd("61700.10000000"),
                            bd("12.50000000"),
                            bd("771000.12500000"),
                            985,
                            bd("6.25000000"),
                            bd("385500.06250000")));
        });
        assertThat(parser.parse(KLINE.replace("\"x\":true", "\"x\":false")))
                .isInstanceOfSatisfying(
                        StreamMessage.Kline.class,
                        kline -> assertThat(kline.closed()).isFalse());
    }

    @Test
    void readsTradesAggregateTradesBookTickersDepthUpdatesAndSnapshotsRawOrCombined() {
        assertThat(parser.parse(combined("btcusdt@trade", TRADE)))
                .isEqualTo(new StreamMessage.Trade(
                        Instant.ofEpochMilli(1723161255343L),
                        BTC,
                        3735683259L,
                        bd("61837.63000000"),
                        bd("0.02000000"),
                        Instant.ofEpochMilli(1723161255342L),
                        true));
        assertThat(parser.parse(AGG_TRADE))
                .isEqualTo(new StreamMessage.AggTrade(
                        Instant.ofEpochMilli(1723161255343L),
                        BTC,
                        2200000001L,
                        bd("61837.63000000"),
                        bd("0.02000000"),
                        3735683259L,
                        3735683260L,
                        Instant.ofEpochMilli(1723161255342L),
                        true));
        assertThat(parser.parse(combined("btcusdt@bookTicker", BOOK_TICKER)))
                .isEqualTo(new StreamMessage.BookTicker(
                        BTC,
                        50093239212L,
                        bd("61837.63000000"),
                        bd("3.78826000"),
                        bd("61837.64000000"),
                        bd("1.54698000")));
        assertThat(parser.parse(combined("btcusdt@depth@100ms", DEPTH)))
                .isEqualTo(new StreamMessage.DepthUpdate(
                        Instant.ofEpochMilli(1723161255208L),
                        BTC,
                        50093239189L,
                        50093239202L,
                        List.of(
                                new StreamMessage.PriceLevel(bd("61737.63000000"), bd("0.00000000")),
                                new StreamMessage.PriceLevel(bd("61730.17000000"), bd("1.5"))),
                        List.of(new StreamMessage.PriceLevel(bd("61837.64000000"), bd("1.54698000")))));
        assertThat(parser.parse(SNAPSHOT))
                .isEqualTo(new StreamMessage.DepthSnapshot(
                        Optional.empty(),
                        50093239218L,
                        List.of(new StreamMessage.PriceLevel(bd("61837.63000000"), bd("3.78826000"))),
                        List.of(new StreamMessage.PriceLevel(bd("61837.64000000"), bd("1.6")))));
        assertThat(parser.parse(combined("btcusdt@depth20@100ms", SNAPSHOT)))
                .isInstanceOfSatisfying(
                        StreamMessage.DepthSnapshot.class,
                        snapshot -> assertThat(snapshot.symbol()).contains(BTC));
    }

    @Test
    void toleratesWhiteSpaceEscapesUnknownExtraFieldsAndMicrosecondTimes() {
        String spaced = " { \"e\" : \"trade\" , \"E\" : 1723161255343000 , \"s\" : \"BTC\\u0055SDT\", \"t\":1,"
                + " \"p\":\"1.5\", \"q\":\"2\", \"T\":1723161255342123, \"m\":false, \"extra\":[{\"x\":null}] } ";

        assertThat(parser.parse(spaced)).isInstanceOfSatisfying(StreamMessage.Trade.class, trade -> {
            assertThat(trade.symbol()).isEqualTo(BTC);
            assertThat(trade.tradeTime()).isEqualTo(Instant.parse("2024-08-08T23:54:15.342123Z"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "empty                 | ``                                                   | EMPTY_LINE",
                "not JSON              | hello                                                | MALFORMED_JSON",
                "trailing garbage      | {\"u\":1}}                                           | MALFORMED_JSON",
                "bad escape            | {\"e\":\"tr\\qade\"}                                 | MALFORMED_JSON",
                "leading zero          | {\"E\":01}                                           | MALFORMED_JSON",
                "duplicate field       | {\"e\":\"trade\",\"e\":\"trade\"}                    | MALFORMED_JSON",
                "cut in a string       | {\"stream\":\"btcusdt@tra                            | TRUNCATED",
                "cut after a number    | {\"e\":\"trade\",\"E\":17231                         | TRUNCATED",
                "cut in a literal      | {\"m\":tr                                            | TRUNCATED",
                "an array              | [1,2]                                                | UNKNOWN_MESSAGE",
                "unknown event         | {\"e\":\"24hrTicker\",\"s\":\"BTCUSDT\"}             | UNKNOWN_MESSAGE",
                "no known shape        | {\"result\":null,\"id\":1}                           | UNKNOWN_MESSAGE",
            })
    void rejectsWhatIsNotJsonOrNoKnownMessage(String name, String message, RejectionReason reason) {
        assertThat(parser.parse(message))
                .isInstanceOfSatisfying(
                        StreamMessage.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "missing price         | `\"p\":\"61837.63000000\",`    | ``                             | MISSING_FIELD  "
                        + "| field p is missing",
                "price as object       | `\"p\":\"61837.63000000\"`     | `\"p\":{}`                     | WRONG_TYPE     "
                        + "| field p should be a decimal, is an object",
                "time as string        | `\"T\":1723161255342`          | `\"T\":\"1723161255342\"`      | WRONG_TYPE     "
                        + "| field T should be epoch milliseconds, is a string",
                "flag as number        | `\"m\":true`                   | `\"m\":1`                      | WRONG_TYPE     "
                        + "| field m should be true or false, is a number",
                "NaN price string      | `\"p\":\"61837.63000000\"`     | `\"p\":\"NaN\"`                | NOT_FINITE     "
                        + "| field p is not a finite number: 'NaN'",
                "NaN literal           | `\"q\":\"0.02000000\"`         | `\"q\":NaN`                    | NOT_FINITE     "
                        + "| field q is not a finite number: 'NaN'",
                "infinite quantity     | `\"q\":\"0.02000000\"`         | `\"q\":\"-Infinity\"`          | NOT_FINITE     "
                        + "| field q is not a finite number: '-Infinity'",
                "garbage price         | `\"p\":\"61837.63000000\"`     | `\"p\":\"61,837.63\"`          | NOT_A_NUMBER   "
                        + "| field p is not a decimal number: '61,837.63'",
                "negative quantity     | `\"q\":\"0.02000000\"`         | `\"q\":\"-0.02\"`              | NEGATIVE_VALUE "
                        + "| field q is negative: '-0.02'",
                "negative trade id     | `\"t\":3735683259`             | `\"t\":-1`                     | NEGATIVE_VALUE "
                        + "| field t is negative: -1",
                "zero price            | `\"p\":\"61837.63000000\"`     | `\"p\":\"0.00000000\"`         | ZERO_PRICE     "
                        + "| field p is a zero price",
                "huge price            | `\"p\":\"61837.63000000\"`     | `\"p\":\"1e999999\"`           | OUT_OF_RANGE   "
                        + "| field p has more than 18 decimals or 20 integer digits: '1e999999'",
                "negative time         | `\"T\":1723161255342`          | `\"T\":-5`                     | BAD_TIMESTAMP  "
                        + "| field T is negative: -5",
                "fractional time       | `\"T\":1723161255342`          | `\"T\":1.5`                    | BAD_TIMESTAMP  "
                        + "| field T is not an epoch-millisecond integer: 1.5",
                "bad symbol            | `\"s\":\"BTCUSDT\"`            | `\"s\":\"btc-usdt\"`           | BAD_VALUE      "
                        + "| field s: symbol must be 2-20 upper case letters or digits, like BTCUSDT: 'btc-usdt'",
            })
    void rejectsATradeWithAMissingWrongOrBadField(
            String name, String field, String replacement, RejectionReason reason, String detail) {
        String broken = TRADE.replace(field, replacement);
        assertThat(broken).isNotEqualTo(TRADE);

        assertThat(parser.parse(broken)).isEqualTo(new StreamMessage.Rejected(reason, detail));
    }

    @Test
    void decimalsUpToTheLimitsAreReadAndBeyondThemAreOutOfRange() {
        String eighteenDecimals = "0." + "0".repeat(17) + "1";
        String twentyDigits = "9".repeat(20);

        assertThat(parser.parse(TRADE.replace("\"0.02000000\"", "\"" + eighteenDecimals + "\"")))
                .isInstanceOfSatisfying(
                        StreamMessage.Trade.class, t -> assertThat(t.quantity()).isEqualTo(bd(eighteenDecimals)));
        assertThat(parser.parse(TRADE.replace("\"0.02000000\"", "\"" + twentyDigits + "\"")))
                .isInstanceOf(StreamMessage.Trade.class);
        assertThat(parser.parse(TRADE.replace("\"0.02000000\"", "\"0\""))).isInstanceOf(StreamMessage.Trade.class);
        assertThat(parser.parse(TRADE.replace("\"0.02000000\"", "\"" + eighteenDecimals + "1\"")))
                .isInstanceOfSatisfying(
                        StreamMessage.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectionReason.OUT_OF_RANGE));
        assertThat(parser.parse(TRADE.replace("\"0.02000000\"", "\"" + twentyDigits + "9\"")))
                .isInstanceOfSatisfying(
                        StreamMessage.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectionReason.OUT_OF_RANGE));
        assertThat(parser.parse(TRADE.replace("3735683259", "9223372036854775808")))
                .isEqualTo(new StreamMessage.Rejected(
                        RejectionReason.OUT_OF_RANGE, "field t does not fit 64 bits: 9223372036854775808"));
    }

    @Test
    void rejectsKlinesThatContradictThemselves() {
        assertThat(parser.parse(KLINE.replace("\"T\":1723161659999", "\"T\":1723161600000")))
                .isEqualTo(new StreamMessage.Rejected(
                        RejectionReason.BAD_TIMESTAMP,
                        "k.T 2024-08-09T00:00:00Z is not after k.t 2024-08-09T00:00:00Z"));
        assertThat(parser.parse(KLINE.replace("\"i\":\"1m\"", "\"i\":\"7m\"")))
                .isInstanceOfSatisfying(StreamMessage.Rejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(RejectionReason.BAD_VALUE);
                    assertThat(rejected.detail()).startsWith("field k.i: unknown interval '7m'");
                });
        assertThat(parser.parse(KLINE.replace("\"s\":\"BTCUSDT\",\"i\"", "\"s\":\"ETHUSDT\",\"i\"")))
                .isEqualTo(new StreamMessage.Rejected(RejectionReason.BAD_VALUE, "k.s ETHUSDT differs from s BTCUSDT"));
        assertThat(parser.parse(
                        combined("btcusdt@kline_1m", KLINE.replace("\"c\":\"61700.10000000\"", "\"c\":\"NaN\""))))
                .isEqualTo(new StreamMessage.Rejected(
                        RejectionReason.NOT_FINITE, "field data.k.c is not a finite number: 'NaN'"));
        assertThat(parser.parse(DEPTH.replace("\"u\":50093239202", "\"u\":50093239188")))
                .isEqualTo(new StreamMessage.Rejected(
                        RejectionReason.BAD_VALUE,
                        "final update id u 50093239188 is before first update id U 50093239189"));
        assertThat(parser.parse(DEPTH.replace("[\"61730.17000000\",\"1.5\"]", "[\"0\",\"1.5\"]")))
                .isEqualTo(new StreamMessage.Rejected(RejectionReason.ZERO_PRICE, "field b[1][0] is a zero price"));
        assertThat(parser.parse(DEPTH.replace("[\"61730.17000000\",\"1.5\"]", "[\"61730.17000000\"]")))
                .isEqualTo(new StreamMessage.Rejected(
                        RejectionReason.WRONG_TYPE, "field b[1] should be a [price, quantity] pair, is an array"));
    }

    @Test
    void rejectsACombinedStreamWhoseNameDisagreesWithItsPayload() {
        assertThat(parser.parse(combined("btcusdt@aggTrade", TRADE)))
                .isEqualTo(new StreamMessage.Rejected(
                        RejectionReason.STREAM_MISMATCH,
                        "stream 'btcusdt@aggTrade' carries a TRADE payload, expected AGG_TRADE"));
        assertThat(parser.parse(combined("ethusdt@trade", TRADE)))
                .isEqualTo(new StreamMessage.Rejected(
                        RejectionReason.STREAM_MISMATCH, "stream 'ethusdt@trade' carries a message of BTCUSDT"));
        assertThat(parser.parse(combined("btcusdt@kline_5m", KLINE)))
                .isEqualTo(new StreamMessage.Rejected(
                        RejectionReason.STREAM_MISMATCH, "stream 'btcusdt@kline_5m' carries a 1m kline"));
        assertThat(parser.parse(combined("btcusdt@miniTicker", TRADE)))
                .isEqualTo(new StreamMessage.Rejected(
                        RejectionReason.UNKNOWN_MESSAGE,
                        "unknown stream type 'miniTicker' in stream 'btcusdt@miniTicker'"));
        assertThat(parser.parse("{\"stream\":\"btcusdt@trade\"}"))
                .isEqualTo(new StreamMessage.Rejected(RejectionReason.MISSING_FIELD, "field data is missing"));
        assertThat(parser.parse("{\"stream\":42,\"data\":{}}"))
                .isEqualTo(new StreamMessage.Rejected(
                        RejectionReason.WRONG_TYPE, "field stream should be a string, is a number"));
    }

    @Test
    void aMessageCutAnywhereIsRejectedAndNeverThrows() {
        String message = combined("btcusdt@depth@100ms", DEPTH);
        for (int length = 1; length < message.length(); length++) {
            StreamMessage parsed = parser.parse(message.substring(0, length));
            assertThat(parsed)
                    .as("cut after %d characters", length)
                    .isInstanceOfSatisfying(
                            StreamMessage.Rejected.class,
                            rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.TRUNCATED));
        }
    }

    static String combined(String stream, String payload) {
        return "{\"stream\":\"" + stream + "\",\"data\":" + payload + "}";
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
