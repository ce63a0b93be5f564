package dev.peregrine.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.event.PortfolioValued;
import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.common.json.GoldenSamples.Sample;
import dev.peregrine.common.value.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The only fields that are JSON numbers: counters, and the 0..1 ratios that are {@code double} by design. */
    private static final Set<String> NUMERIC_FIELDS = Set.of(
            "schemaVersion",
            "trades",
            "strength",
            "confidence",
            "sizeMultiplier",
            "weight",
            "openPositions",
            "mlProbability");

    private final EventCodec codec = new EventCodec();

    @Test
    void everyTopicOfTheSuiteHasItsEventType() {
        assertThat(EventCodec.eventTypeOf(Topics.MARKET_CANDLES).getSimpleName())
                .isEqualTo("CandleEvent");
        assertThat(EventCodec.eventTypeOf(Topics.EXECUTION_REPORTS).getSimpleName())
                .isEqualTo("ExecutionReportEvent");
        assertThat(EventCodec.eventTypeOf(Topics.ALERTS).getSimpleName()).isEqualTo("AlertEvent");
    }

    @Test
    void decimalsTravelAsPlainStringsNeverAsNumbers() {
        List<String> numbers = new ArrayList<>();
        for (Sample sample : GoldenSamples.all()) {
            collectNumbers(sample.typeName(), MAPPER.readTree(codec.encode(sample.event())), numbers);
        }

        assertThat(numbers).as("JSON numbers outside %s", NUMERIC_FIELDS).isEmpty();
    }

    private static void collectNumbers(String path, JsonNode node, List<String> numbers) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getValue().isNumber() && NUMERIC_FIELDS.contains(field.getKey())) {
                    continue;
                }
                collectNumbers(path + "." + field.getKey(), field.getValue(), numbers);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNumbers(path + "[" + i + "]", node.get(i), numbers);
            }
        } else if (node.isNumber()) {
            numbers.add(path + "=" + node);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.00000010", "0.00003650", "-12.50000000", "12345678901234.123456789012345678", "0"})
    void moneyAmountKeepsItsExactDigitsAsAPlainString(String amount) {
        PortfolioValued sample = GoldenSamples.portfolioValued();
        Money pnl = new Money(new BigDecimal(amount), "USDT");
        PortfolioValued valued = new PortfolioValued(
                sample.envelope(),
                sample.equity(),
                sample.cash(),
                sample.reserved(),
                sample.grossExposure(),
                pnl,
                sample.highWaterMark(),
                sample.drawdown(),
                sample.tradingState(),
                sample.killSwitch(),
                sample.openPositions());

        String json = codec.encode(valued);

        JsonNode amountNode = MAPPER.readTree(json).get("dailyPnl").get("amount");
        assertThat(amountNode.isString()).as("dailyPnl.amount in %s", json).isTrue();
        assertThat(amountNode.asString()).isEqualTo(new BigDecimal(amount).toPlainString());
        assertThat(codec.decodeFrom(Topics.RISK_PORTFOLIO, json)).isEqualTo(valued);
    }

    @Test
    void forwardReturnKeepsItsScale() {
        SignalOutcomeMeasured sample = GoldenSamples.signalOutcomeMeasured();
        SignalOutcomeMeasured outcome = new SignalOutcomeMeasured(
                sample.envelope(),
                sample.signalId(),
                sample.strategyId(),
                sample.symbol(),
                sample.interval(),
                sample.side(),
                sample.grade(),
                sample.strength(),
                sample.confidence(),
                sample.action(),
                sample.tradeable(),
                sample.regime(),
                sample.horizon(),
                sample.entryTime(),
                sample.entryPrice(),
                sample.exitTime(),
                sample.exitPrice(),
                new BigDecimal("-0.00000100"),
                sample.roundTripCost(),
                new BigDecimal("-0.00200100"),
                sample.maxFavourableExcursion(),
                sample.maxAdverseExcursion(),
                false,
                List.of("GAP"));

        String json = codec.encode(outcome);

        assertThat(MAPPER.readTree(json).get("forwardReturn").asString()).isEqualTo("-0.00000100");
        assertThat(codec.decodeFrom(Topics.SIGNALS_OUTCOMES, json)).isEqualTo(outcome);
    }

    @Test
    void decimalsWrittenAsJsonNumbersByAnOlderProducerAreStillRead() {
        String json =
                codec.encode(GoldenSamples.orderFilled()).replace("\"amount\":\"0.00003650\"", "\"amount\":0.00003650");
        assertThat(json).contains("\"amount\":0.00003650");

        assertThat(codec.decodeFrom(Topics.EXECUTION_REPORTS, json)).isEqualTo(GoldenSamples.orderFilled());
    }

    @Test
    void marketOrderRoundTripsWithoutLimitPrice() {
        OrderIntentCreated limit = GoldenSamples.orderIntentCreated();
        OrderIntentCreated market = new OrderIntentCreated(
                limit.envelope(),
                limit.intentId(),
                limit.clientOrderId(),
                limit.decisionId(),
                limit.signalId(),
                limit.strategyId(),
                limit.symbol(),
                limit.side(),
                OrderType.MARKET,
                limit.quantity(),
                null,
                limit.notBefore(),
                limit.purpose(),
                limit.stopLoss(),
                limit.takeProfit(),
                null);

        String json = codec.encode(market);

        assertThat(MAPPER.readTree(json).get("limitPrice").isNull()).isTrue();
        assertThat(codec.decodeFrom(Topics.ORDERS_INTENTS, json)).isEqualTo(market);
    }

    @Test
    void instantsAndDurationsTravelAsIsoText() {
        JsonNode outcome = MAPPER.readTree(codec.encode(GoldenSamples.signalOutcomeMeasured()));

        assertThat(outcome.get("horizon").asString()).isEqualTo("PT4H");
        assertThat(outcome.get("exitTime").asString()).isEqualTo("2023-10-16T13:15:00Z");
        assertThat(outcome.get("envelope").get("eventTime").asString()).isEqualTo("2023-10-16T13:29:59.999Z");
    }

    @Test
    void decodedEventIsOfTheConcreteTypeNamedByItsTypeProperty() {
        PeregrineEvent decoded = codec.decodeFrom(Topics.RISK_DECISIONS, codec.encode(GoldenSamples.tradeDenied()));

        assertThat(decoded).isEqualTo(GoldenSamples.tradeDenied());
    }

    @Test
    void encodeRejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> codec.encode(null)).withMessage("event");
    }
}
