package dev.peregrine.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.fixtures.Terms;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaperFillRuleTest {

    private static final Instant NOT_BEFORE = Instant.parse("2024-03-01T09:14:59.999Z");
    private static final Instant NEXT_OPEN = NOT_BEFORE.plusMillis(1);
    private final PaperFillRule noSlippage = new PaperFillRule(new BigDecimal("0.001"), "USDT", BigDecimal.ZERO);
    private final PaperFillRule rule = new PaperFillRule(new BigDecimal("0.001"), "USDT", new BigDecimal("2"));

    private static OrderTerms entry(OrderType type, String quantity) {
        return Terms.entry("pg-1", type, quantity, NOT_BEFORE, OrderRole.entry(null, null));
    }

    private static OrderTerms exit(String quantity) {
        return Terms.of(
                "pg-exit",
                Side.SELL,
                OrderType.MARKET,
                quantity,
                null,
                NOT_BEFORE,
                OrderRole.exit(Reason.of("OPPOSITE_SIGNAL", "bearish")));
    }

    /** A leg of the pair (stop, take-profit) resting from the candle opening at NEXT_OPEN. */
    private static OrderTerms leg(OrderPurpose purpose, String stop, String takeProfit) {
        Price target = takeProfit == null ? null : Price.of(takeProfit);
        return Terms.of(
                "pg-" + purpose,
                Side.SELL,
                purpose == OrderPurpose.TAKE_PROFIT ? OrderType.LIMIT : OrderType.MARKET,
                "2",
                purpose == OrderPurpose.TAKE_PROFIT ? target : null,
                NEXT_OPEN,
                OrderRole.protective(purpose, "pg-1", stop == null ? null : Price.of(stop), target));
    }

    private static MarketCandle candle(Instant openTime, String open, String high, String low, String close) {
        return new MarketCandle(
                Symbol.of("BTCUSDT"),
                Interval.FIFTEEN_MINUTES,
                openTime,
                Price.of(open),
                Price.of(high),
                Price.of(low),
                Price.of(close));
    }

    private static MarketCandle candle(String open, String high, String low) {
        return candle(NEXT_OPEN, open, high, low, open);
    }

    @Test
    void withoutSlippageAMarketOrderFillsAtTheOpenOfTheNextCandleExactly() {
        Fill fill = noSlippage.fillOn(entry(OrderType.MARKET, "0.5"), candle("100.12345678", "101", "99"));

        assertThat(fill.price()).isEqualTo(Price.of("100.12345678"));
        assertThat(fill.referencePrice()).isEqualTo(fill.price());
        assertThat(fill.marketTime()).isEqualTo(NEXT_OPEN);
        // 0.5 × 100.12345678 × 0.001 = 0.05006172839 → 0.05006173
        assertThat(fill.fee()).isEqualTo(Money.of("0.05006173", "USDT"));
    }

    @Test
    void onlyCandlesOpeningStrictlyAfterNotBeforeExecuteAMarketOrder() {
        OrderTerms market = entry(OrderType.MARKET, "1");

        assertThat(rule.executesOn(market, candle(NOT_BEFORE, "100", "100", "100", "100")))
                .isFalse();
        assertThat(rule.executesOn(market, candle(NOT_BEFORE.minusSeconds(900), "100", "100", "100", "100")))
                .isFalse();
        assertThat(rule.executesOn(market, candle(NEXT_OPEN, "100", "100", "100", "100")))
                .isTrue();
        assertThat(rule.executesOn(
                        market,
                        new MarketCandle(
                                Symbol.of("ETHUSDT"),
                                Interval.FIFTEEN_MINUTES,
                                NEXT_OPEN,
                                Price.of("100"),
                                Price.of("100"),
                                Price.of("100"),
                                Price.of("100"))))
                .isFalse();
        assertThat(rule.executesOn(entry(OrderType.LIMIT, "1"), candle("100", "100", "100")))
                .isFalse();
        assertThat(rule.executesOn(
                        leg(OrderPurpose.STOP_LOSS, "95", null),
                        candle(NEXT_OPEN.plusSeconds(900), "100", "100", "100", "100")))
                .as("a protective leg is no market order")
                .isFalse();
        assertThatThrownBy(() -> rule.fillOn(market, candle(NOT_BEFORE, "100", "100", "100", "100")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slippageMovesABuyUpAndASellDownFromTheOpen() {
        MarketCandle candle = candle("100", "101", "99");

        Fill buy = rule.fillOn(entry(OrderType.MARKET, "2"), candle);
        Fill sell = rule.fillOn(exit("2"), candle);

        assertThat(buy.price().value()).isEqualByComparingTo("100.02");
        assertThat(sell.price().value()).isEqualByComparingTo("99.98");
        assertThat(buy.referencePrice()).isEqualTo(Price.of("100"));
        assertThat(buy.slippageCost(Quantity.of("2"))).isEqualByComparingTo("0.04");
        assertThat(sell.slippageCost(Quantity.of("2"))).isEqualByComparingTo("0.04");
        // The fee is charged on the price actually paid: 2 × 100.02 × 0.001
        assertThat(buy.fee()).isEqualTo(Money.of("0.20004000", "USDT"));
    }

    @Test
    void slippedPricesAreRoundedToEightDecimalsAgainstTheOrder() {
        MarketCandle candle = candle("100.12345678", "101", "99");

        // 100.12345678 × 1.0002 = 100.143481471356 (up), × 0.9998 = 100.103432088644 (down)
        assertThat(rule.fillOn(entry(OrderType.MARKET, "0.5"), candle).price()).isEqualTo(Price.of("100.14348148"));
        assertThat(rule.fillOn(exit("0.5"), candle).price()).isEqualTo(Price.of("100.10343208"));
    }

    @ParameterizedTest(name = "{0} at open {1} in [{3}, {2}] fills at {4}")
    @CsvSource({
        "BUY, 100, 100.01, 99, 100.01",
        "BUY, 100, 100, 99, 100",
        "SELL, 100, 101, 99.99, 99.99",
        "SELL, 100, 101, 100, 100"
    })
    void aFillNeverLeavesTheCandlesRange(Side side, String open, String high, String low, String expected) {
        OrderTerms terms = side == Side.BUY ? entry(OrderType.MARKET, "1") : exit("1");

        Fill fill = rule.fillOn(terms, candle(open, high, low));

        assertThat(fill.price().value()).isEqualByComparingTo(expected);
    }

    @Test
    void theStopFillsAtTheStopLessSlippageWhenTheLowReachesIt() {
        MarketCandle candle = candle("100", "101", "94");

        Optional<Fill> stop = rule.protectiveFillOn(leg(OrderPurpose.STOP_LOSS, "95", "110"), candle);

        assertThat(stop).get().satisfies(fill -> {
            assertThat(fill.price().value()).isEqualByComparingTo("94.981");
            assertThat(fill.referencePrice()).isEqualTo(Price.of("95"));
            assertThat(fill.marketTime()).isEqualTo(NEXT_OPEN);
        });
        assertThat(rule.protectiveFillOn(leg(OrderPurpose.TAKE_PROFIT, "95", "110"), candle))
                .isEmpty();
    }

    @Test
    void aGapBelowTheStopFillsAtTheOpenLessSlippageClampedToTheRange() {
        OrderTerms stop = leg(OrderPurpose.STOP_LOSS, "95", "110");

        assertThat(rule.protectiveFillOn(stop, candle("93", "94", "92"))).get().satisfies(fill -> {
            assertThat(fill.price().value()).isEqualByComparingTo("92.9814");
            assertThat(fill.referencePrice()).isEqualTo(Price.of("93"));
        });
        assertThat(rule.protectiveFillOn(stop, candle("93", "94", "93")))
                .get()
                .extracting(fill -> fill.price().value())
                .satisfies(price -> assertThat(price).isEqualByComparingTo("93"));
    }

    @Test
    void aCandleReachingBothTheStopAndTheTakeProfitFillsTheStop() {
        MarketCandle both = candle("100", "111", "94");
        OrderRole pair = OrderRole.entry(Price.of("95"), Price.of("110"));

        assertThat(rule.triggeredLeg(pair, both)).contains(OrderPurpose.STOP_LOSS);
        assertThat(rule.protectiveFillOn(leg(OrderPurpose.STOP_LOSS, "95", "110"), both))
                .isPresent();
        assertThat(rule.protectiveFillOn(leg(OrderPurpose.TAKE_PROFIT, "95", "110"), both))
                .isEmpty();
    }

    @Test
    void theTakeProfitFillsAtItsLimitWithoutSlippageOrAtAHigherOpen() {
        OrderTerms takeProfit = leg(OrderPurpose.TAKE_PROFIT, "95", "110");

        assertThat(rule.protectiveFillOn(takeProfit, candle("100", "111", "99")))
                .get()
                .satisfies(fill -> {
                    assertThat(fill.price()).isEqualTo(Price.of("110"));
                    assertThat(fill.slippageCost(Quantity.of("2"))).isZero();
                    // 2 × 110 × 0.001
                    assertThat(fill.fee().amount()).isEqualByComparingTo("0.22");
                });
        assertThat(rule.protectiveFillOn(takeProfit, candle("112", "113", "111")))
                .get()
                .extracting(Fill::price)
                .isEqualTo(Price.of("112"));
        assertThat(rule.protectiveFillOn(leg(OrderPurpose.STOP_LOSS, "95", "110"), candle("100", "111", "99")))
                .isEmpty();
    }

    @Test
    void aPairRestsFromItsEntrysFillCandleOnThatCandleIncluded() {
        OrderTerms stop = leg(OrderPurpose.STOP_LOSS, "95", "110");

        assertThat(rule.protectiveFillOn(stop, candle(NEXT_OPEN, "100", "101", "94", "96")))
                .isPresent();
        assertThat(rule.protectiveFillOn(
                        stop, candle(NEXT_OPEN.minus(Duration.ofMinutes(15)), "100", "101", "94", "96")))
                .isEmpty();
        assertThat(rule.protectiveFillOn(stop, candle(NEXT_OPEN.plus(Duration.ofMinutes(15)), "96", "97", "95", "96")))
                .as("the low reaching the stop exactly triggers it")
                .isPresent();
        assertThat(rule.protectiveFillOn(stop, candle("100", "109.99", "95.01")))
                .isEmpty();
    }

    @Test
    void aLegWithoutItsOtherLevelOnlyWatchesItsOwn() {
        OrderTerms stopAlone = leg(OrderPurpose.STOP_LOSS, "95", null);
        OrderTerms targetAlone = leg(OrderPurpose.TAKE_PROFIT, null, "110");

        assertThat(rule.protectiveFillOn(stopAlone, candle("100", "200", "96"))).isEmpty();
        assertThat(rule.protectiveFillOn(stopAlone, candle("100", "200", "95"))).isPresent();
        assertThat(rule.protectiveFillOn(targetAlone, candle("100", "110", "1")))
                .get()
                .extracting(Fill::price)
                .isEqualTo(Price.of("110"));
    }

    @Test
    void aCandleWhoseRangeMissesItsOpenIsWidenedToContainIt() {
        MarketCandle widened = MarketCandle.of(
                Symbol.of("BTCUSDT"),
                Interval.FIFTEEN_MINUTES,
                NEXT_OPEN,
                Price.of("100"),
                Price.of("99.5"),
                Price.of("99"),
                Price.of("101"));

        assertThat(widened.high()).isEqualTo(Price.of("101"));
        assertThat(widened.low()).isEqualTo(Price.of("99"));
        assertThatThrownBy(() -> candle("100", "99.5", "99")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slippageIsRefusedOutsideItsRange() {
        assertThatThrownBy(() -> new PaperFillRule(BigDecimal.ZERO, "USDT", new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaperFillRule(BigDecimal.ZERO, "USDT", new BigDecimal("10000")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} x {1} x {2} = {3}")
    @CsvSource({
        // exact, no rounding needed
        "2, 50000, 0.001, 100.00000000",
        // a ninth decimal 5 rounds up (half-up; half-even would give 0 and 0.00000002 below)
        "0.00000005, 100, 0.001, 0.00000001",
        "0.00000015, 100, 0.001, 0.00000002",
        "0.00000025, 100, 0.001, 0.00000003",
        // just below half rounds down
        "0.000000049, 100, 0.001, 0.00000000",
        "0.5, 100.12345678, 0.001, 0.05006173",
        "0.123, 27124.98, 0.00075, 2.50227941",
        // zero fee rate is allowed and gives a zero fee
        "3, 100, 0, 0E-8"
    })
    void theFeeIsQuantityTimesPriceTimesRateRoundedHalfUpToEightDecimals(
            String quantity, String price, String rate, String expected) {
        Money fee = new PaperFillRule(new BigDecimal(rate), "USDT", BigDecimal.ZERO)
                .fee(Quantity.of(quantity), Price.of(price));

        assertThat(fee.amount()).isEqualTo(new BigDecimal(expected));
        assertThat(fee.amount().scale()).isEqualTo(8);
        assertThat(fee.currency()).isEqualTo("USDT");
    }
}
