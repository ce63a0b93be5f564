package dev.peregrine.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.event.PortfolioValued;
import dev.peregrine.common.event.SignalValidated;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Everything that does not fit the contract is an {@link EventDecodingException} that says what is wrong. */
class EventCodecNegativeTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final EventCodec codec = new EventCodec();

    private final String candleJson = codec.encode(GoldenSamples.candleClosed());
    private final String signalJson = codec.encode(GoldenSamples.signalValidated());

    /** The JSON of {@code event} after {@code edit} changed its tree. */
    private String edited(PeregrineEvent event, Consumer<ObjectNode> edit) {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(codec.encode(event));
        edit.accept(tree);
        return MAPPER.writeValueAsString(tree);
    }

    private void assertRejected(String topic, String json, String... messageParts) {
        assertThatThrownBy(() -> codec.decodeFrom(topic, json))
                .isInstanceOf(EventDecodingException.class)
                .message()
                .contains(messageParts);
    }

    @Test
    void theUneditedSampleDecodes() {
        // Guards the tests below: each fails because of its one edit, not because the base record is broken.
        assertThat(codec.decodeFrom(Topics.MARKET_CANDLES, candleJson)).isEqualTo(GoldenSamples.candleClosed());
        assertThat(codec.decodeFrom(Topics.SIGNALS_VALIDATED, signalJson)).isEqualTo(GoldenSamples.signalValidated());
    }

    @Test
    void malformedJson() {
        assertRejected(
                Topics.MARKET_CANDLES,
                "{\"type\": \"CandleClosed\", \"symbol\" \"BTCUSDT\"}",
                "not a valid CandleEvent",
                "Unexpected character");
    }

    @Test
    void truncatedJson() {
        String truncated = candleJson.substring(0, candleJson.length() / 2);

        assertRejected(Topics.MARKET_CANDLES, truncated, "not a valid CandleEvent", "Unexpected end-of-input");
    }

    @Test
    void trailingGarbageAfterTheRecord() {
        assertRejected(Topics.MARKET_CANDLES, candleJson + " {}", "not a valid CandleEvent", "Trailing token");
    }

    @Test
    void notAnObject() {
        assertRejected(Topics.MARKET_CANDLES, "[]", "not a valid CandleEvent");
        assertRejected(Topics.MARKET_CANDLES, "42", "not a valid CandleEvent");
    }

    @Test
    void jsonNullIsNotAnEvent() {
        assertRejected(Topics.MARKET_CANDLES, "null", "CandleEvent", "null");
    }

    @Test
    void unknownType() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("type", "CandleOpened"));

        assertRejected(Topics.MARKET_CANDLES, json, "'CandleOpened'", "CandleEvent", "known type ids = [CandleClosed]");
    }

    @Test
    void missingType() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.remove("type"));

        assertRejected(Topics.MARKET_CANDLES, json, "missing type id property 'type'");
    }

    @Test
    void eventOfAnotherTopic() {
        String fill = codec.encode(GoldenSamples.orderFilled());

        assertRejected(Topics.MARKET_CANDLES, fill, "'OrderFilled'", "CandleEvent");
    }

    @Test
    void unknownTopic() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> codec.decodeFrom("market.candles.v0", candleJson))
                .withMessageContaining("no event contract for topic 'market.candles.v0'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"symbol", "openTime", "close", "trades", "qualityFlags", "envelope"})
    void missingRequiredField(String field) {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.remove(field));

        assertRejected(Topics.MARKET_CANDLES, json, "'" + field + "'");
    }

    @Test
    void missingRequiredEnvelopeField() {
        String json =
                edited(GoldenSamples.candleClosed(), tree -> ((ObjectNode) tree.get("envelope")).remove("eventId"));

        assertRejected(Topics.MARKET_CANDLES, json, "'eventId'");
    }

    @Test
    void explicitNullForARequiredField() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.putNull("symbol"));

        assertRejected(Topics.MARKET_CANDLES, json, "symbol");
    }

    @Test
    void nanPriceAsString() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("close", "NaN"));

        assertRejected(Topics.MARKET_CANDLES, json, "price is not a decimal number: 'NaN'");
    }

    @Test
    void nanPriceAsBareToken() {
        String json = candleJson.replace("\"close\":\"27123.45000000\"", "\"close\":NaN");
        assertThat(json).contains("\"close\":NaN");

        assertRejected(Topics.MARKET_CANDLES, json, "'NaN'");
    }

    @Test
    void nonNumericPrice() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("high", "abc"));

        assertRejected(Topics.MARKET_CANDLES, json, "price is not a decimal number: 'abc'");
    }

    @Test
    void negativePrice() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("low", "-27012.55000000"));

        assertRejected(Topics.MARKET_CANDLES, json, "price must be positive: -27012.55000000");
    }

    @Test
    void emptyPrice() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("open", ""));

        assertRejected(Topics.MARKET_CANDLES, json, "price");
    }

    @Test
    void negativeQuantity() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("volume", "-1"));

        assertRejected(Topics.MARKET_CANDLES, json, "quantity must not be negative: -1");
    }

    @Test
    void badSymbol() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("symbol", "BTC/USDT"));

        assertRejected(Topics.MARKET_CANDLES, json, "symbol must be 2-20 upper case letters or digits", "'BTC/USDT'");
    }

    @Test
    void lowerCaseSymbolIsNotAcceptedOnTheWire() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("symbol", "btcusdt"));

        assertRejected(Topics.MARKET_CANDLES, json, "'btcusdt'");
    }

    @Test
    void unknownInterval() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("interval", "7m"));

        assertRejected(Topics.MARKET_CANDLES, json, "unknown interval '7m'");
    }

    @Test
    void closeTimeBeforeOpenTime() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("closeTime", "2023-10-16T08:59:59Z"));

        assertRejected(Topics.MARKET_CANDLES, json, "closeTime must be after openTime");
    }

    @Test
    void badInstant() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("openTime", "yesterday"));

        assertRejected(Topics.MARKET_CANDLES, json, "not a valid CandleEvent", "yesterday");
    }

    @Test
    void strengthAbove100() {
        String json = edited(GoldenSamples.signalValidated(), tree -> tree.put("strength", 101));

        assertRejected(Topics.SIGNALS_VALIDATED, json, "strength must be 0-100: 101");
    }

    @Test
    void confidenceAboveOne() {
        String json = edited(GoldenSamples.signalValidated(), tree -> tree.put("confidence", 1.5));

        assertRejected(Topics.SIGNALS_VALIDATED, json, "confidence must be within 0..1: 1.5");
    }

    @Test
    void unknownEnumConstant() {
        String json = edited(GoldenSamples.signalValidated(), tree -> tree.put("side", "HOLD"));

        assertRejected(Topics.SIGNALS_VALIDATED, json, "HOLD");
    }

    @Test
    void badReasonCode() {
        String json = edited(
                GoldenSamples.signalValidated(),
                tree -> ((ObjectNode) tree.get("reasons").get(0)).put("code", "ema cross up"));

        assertRejected(Topics.SIGNALS_VALIDATED, json, "reason code must be UPPER_SNAKE_CASE: 'ema cross up'");
    }

    @Test
    void moneyInALowerCaseCurrency() {
        String json =
                edited(GoldenSamples.orderFilled(), tree -> ((ObjectNode) tree.get("fee")).put("currency", "btc"));

        assertRejected(Topics.EXECUTION_REPORTS, json, "currency must be an asset code like USDT: 'btc'");
    }

    @Test
    void aPriceWithAHugeExponent() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("close", "1e999999"));

        assertRejected(
                Topics.MARKET_CANDLES, json, "price has more than 20 digits before the decimal point", "1E+999999");
    }

    @Test
    void aQuantityOfTenThousandDigits() {
        String json = edited(GoldenSamples.candleClosed(), tree -> tree.put("volume", "9".repeat(10_000)));

        assertRejected(Topics.MARKET_CANDLES, json, "quantity is longer than 64 characters (10000)");
    }

    @Test
    void aPriceWithNineteenDecimals() {
        String json = edited(GoldenSamples.orderFilled(), tree -> tree.put("fillPrice", "27124.9800000000000000001"));

        assertRejected(Topics.EXECUTION_REPORTS, json, "price has more than 18 decimals: 27124.9800000000000000001");
    }

    @Test
    void aMoneyAmountWithAHugeExponentAsStringOrNumber() {
        String asString =
                edited(GoldenSamples.orderFilled(), tree -> ((ObjectNode) tree.get("fee")).put("amount", "1e999999"));
        String asNumber =
                codec.encode(GoldenSamples.orderFilled()).replace("\"amount\":\"0.00003650\"", "\"amount\":1e999999");
        assertThat(asNumber).contains("\"amount\":1e999999");

        assertRejected(Topics.EXECUTION_REPORTS, asString, "amount has more than 20 digits before the decimal point");
        assertRejected(Topics.EXECUTION_REPORTS, asNumber, "amount has more than 20 digits before the decimal point");
    }

    @Test
    void plainDecimalsOfEventsAreBoundedAndNamedToo() {
        String drawdown = edited(
                GoldenSamples.all().stream()
                        .map(GoldenSamples.Sample::event)
                        .filter(e -> e instanceof PortfolioValued)
                        .findFirst()
                        .orElseThrow(),
                tree -> tree.put("drawdown", "0." + "1".repeat(5_000)));
        String balance = edited(
                GoldenSamples.all().stream()
                        .map(GoldenSamples.Sample::event)
                        .filter(e -> e instanceof AccountSnapshot)
                        .findFirst()
                        .orElseThrow(),
                tree -> ((ObjectNode) tree.get("balances").get(0)).put("free", "1E+40"));

        assertRejected(Topics.RISK_PORTFOLIO, drawdown, "drawdown is longer than 64 characters (5002)");
        assertRejected(
                Topics.EXECUTION_ACCOUNTS, balance, "free has more than 20 digits before the decimal point", "1E+40");
    }

    @Test
    void aPlainDecimalThatIsNotANumber() {
        String json =
                edited(GoldenSamples.orderFilled(), tree -> ((ObjectNode) tree.get("fee")).put("amount", "Infinity"));

        assertRejected(Topics.EXECUTION_REPORTS, json, "amount is not a decimal number: 'Infinity'");
    }

    @Test
    void aPlainDecimalOfTheWrongShape() {
        String json = edited(GoldenSamples.orderFilled(), tree -> ((ObjectNode) tree.get("fee")).putArray("amount"));

        assertRejected(Topics.EXECUTION_REPORTS, json, "not a valid ExecutionReportEvent");
    }

    @Test
    void realValuesAtTheEdgesDecode() {
        // A SHIB fill at 8 decimals, a large USDT notional, and a fee at the 18-decimal edge.
        String json = edited(GoldenSamples.orderFilled(), tree -> {
            tree.put("symbol", "SHIBUSDT");
            tree.put("fillPrice", "0.00001234");
            tree.put("quantity", "81037277.00000000");
            ((ObjectNode) tree.get("fee")).put("amount", "0.000000000000000001").put("currency", "USDT");
        });

        OrderFilled fill = (OrderFilled) codec.decodeFrom(Topics.EXECUTION_REPORTS, json);

        assertThat(fill.fillPrice().text()).isEqualTo("0.00001234");
        assertThat(fill.quantity().text()).isEqualTo("81037277.00000000");
        assertThat(fill.fee().amount()).isEqualByComparingTo("1E-18");
        assertThat(codec.decodeFrom(Topics.EXECUTION_REPORTS, codec.encode(fill)))
                .isEqualTo(fill);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t"})
    void emptyRecord(String json) {
        assertRejected(Topics.MARKET_CANDLES, json, "empty record, expected a CandleEvent");
    }

    @Test
    void nullRecord() {
        assertRejected(Topics.SIGNALS_VALIDATED, null, "empty record, expected a SignalEvent");
    }

    @Test
    void unknownExtraPropertiesAreTolerated() {
        String json = edited(GoldenSamples.candleClosed(), tree -> {
            tree.put("addedByANewerProducer", "x");
            tree.putObject("nested").put("depth", 2);
            ((ObjectNode) tree.get("envelope"))
                    .put("traceParent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        });

        CandleClosed decoded = (CandleClosed) codec.decodeFrom(Topics.MARKET_CANDLES, json);

        assertThat(decoded).isEqualTo(GoldenSamples.candleClosed());
    }

    @Test
    void unknownExtraPropertiesAreToleratedInEveryNestedValue() {
        String json =
                edited(GoldenSamples.orderFilled(), tree -> ((ObjectNode) tree.get("fee")).put("usdValue", "0.99"));

        OrderFilled decoded = (OrderFilled) codec.decodeFrom(Topics.EXECUTION_REPORTS, json);

        assertThat(decoded).isEqualTo(GoldenSamples.orderFilled());
    }

    @Test
    void decodeToAConcreteTypeRejectsAnotherConcreteType() {
        assertThatThrownBy(() -> codec.decode(candleJson, SignalValidated.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("not a valid SignalValidated");
    }
}
