package dev.peregrine.monitor.domain.outcome;

import static dev.peregrine.monitor.domain.outcome.OutcomeCandles.T0;
import static dev.peregrine.monitor.domain.outcome.OutcomeCandles.hour;
import static dev.peregrine.monitor.domain.outcome.OutcomeCandles.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardReturnTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private final ForwardReturn forwardReturn = new ForwardReturn(new BigDecimal("0.002"));

    // Signal on candle 0; entry at the open of candle 1 (100); held 1 and 2; exit at the open of candle 3 (103).
    private final List<OutcomeCandle> candles = List.of(
            hour(0, "99", "101", "98", "100"),
            hour(1, "100", "104", "99", "102"),
            hour(2, "102", "106", "97", "103"),
            hour(3, "103", "120", "80", "110"));

    @Test
    void buyEntersAtTheNextOpenAndExitsAtTheOpenAHorizonLater() {
        OutcomeMeasurement m =
                forwardReturn.measure(pending(0, Side.BUY, TWO_HOURS), candles).orElseThrow();

        assertThat(m.entryTime()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(m.entryPrice()).isEqualByComparingTo("100");
        assertThat(m.exitTime()).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(m.exitPrice()).isEqualByComparingTo("103");
        assertThat(m.exitCandleClose()).isEqualTo(T0.plus(Duration.ofHours(4)).minusMillis(1));
        // (103 - 100) / 100 = 0.03; net 0.03 - 0.002 = 0.028
        assertThat(m.grossReturn()).isEqualByComparingTo("0.03");
        assertThat(m.roundTripCost()).isEqualByComparingTo("0.002");
        assertThat(m.netReturn()).isEqualByComparingTo("0.028");
        // Highs of the held candles 1 and 2 (not the exit candle's 120): 106 -> +6 %; lows 97 -> -3 %.
        assertThat(m.maxFavourableExcursion()).isEqualByComparingTo("0.06");
        assertThat(m.maxAdverseExcursion()).isEqualByComparingTo("-0.03");
        assertThat(m.hit()).isTrue();
        assertThat(m.flags()).isEmpty();
    }

    @Test
    void sellIsMeasuredInItsOwnDirection() {
        OutcomeMeasurement m =
                forwardReturn.measure(pending(0, Side.SELL, TWO_HOURS), candles).orElseThrow();

        // (100 - 103) / 100 = -0.03; net -0.032; favourable from the lows (97: +3 %), adverse from the highs (106: -6
        // %)
        assertThat(m.grossReturn()).isEqualByComparingTo("-0.03");
        assertThat(m.netReturn()).isEqualByComparingTo("-0.032");
        assertThat(m.maxFavourableExcursion()).isEqualByComparingTo("0.03");
        assertThat(m.maxAdverseExcursion()).isEqualByComparingTo("-0.06");
        assertThat(m.hit()).isFalse();
    }

    @Test
    void aGainSmallerThanTheCostIsAMiss() {
        List<OutcomeCandle> flat = List.of(
                hour(0, "100", "100", "100", "100"),
                hour(1, "100", "100.2", "99.9", "100.1"),
                hour(2, "100.1", "100.2", "100", "100.1"),
                hour(3, "100.15", "100.2", "100.1", "100.1"));

        OutcomeMeasurement m =
                forwardReturn.measure(pending(0, Side.BUY, TWO_HOURS), flat).orElseThrow();

        // 0.15 / 100 = 0.0015 gross, -0.0005 net
        assertThat(m.grossReturn()).isEqualByComparingTo("0.0015");
        assertThat(m.netReturn()).isEqualByComparingTo("-0.0005");
        assertThat(m.hit()).isFalse();
        assertThat(m.maxAdverseExcursion()).isEqualByComparingTo("-0.001");
    }

    @Test
    void returnsAreRoundedHalfEvenToEightDecimals() {
        List<OutcomeCandle> thirds =
                List.of(hour(0, "3", "3", "3", "3"), hour(1, "3", "4", "3", "4"), hour(2, "4", "4", "4", "4"));

        OutcomeMeasurement m = forwardReturn
                .measure(pending(0, Side.BUY, Duration.ofHours(1)), thirds)
                .orElseThrow();

        // (4 - 3) / 3 = 0.333333333... -> 0.33333333
        assertThat(m.grossReturn()).isEqualTo(new BigDecimal("0.33333333"));
    }

    @Test
    void nothingIsMeasuredBeforeTheExitCandleHasClosed() {
        assertThat(forwardReturn.measure(pending(0, Side.BUY, TWO_HOURS), candles.subList(0, 3)))
                .isEmpty();
        assertThat(forwardReturn.measure(pending(0, Side.BUY, TWO_HOURS), candles.subList(0, 1)))
                .isEmpty();
        assertThat(forwardReturn.measure(pending(3, Side.BUY, TWO_HOURS), candles))
                .isEmpty();
    }

    @Test
    void aMissingCandleMovesTheExitToTheNextOpenAndFlagsAGap() {
        // Candle 3 (the exit at 2 h) is missing: the exit moves to the open of candle 4.
        List<OutcomeCandle> gapped =
                List.of(candles.get(0), candles.get(1), candles.get(2), hour(4, "105", "106", "104", "105"));

        OutcomeMeasurement m =
                forwardReturn.measure(pending(0, Side.BUY, TWO_HOURS), gapped).orElseThrow();

        assertThat(m.exitTime()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(m.exitPrice()).isEqualByComparingTo("105");
        assertThat(m.grossReturn()).isEqualByComparingTo("0.05");
        assertThat(m.flags()).containsExactly(OutcomeFlag.GAP);
    }

    @Test
    void aMissingEntryCandleMovesTheEntryToTheNextCandleThereIsAndFlagsAGap() {
        // Candle 1 is missing: the entry is candle 2's open (102), the exit the first open >= 2 h later (candle 4).
        List<OutcomeCandle> gapped =
                List.of(candles.get(0), candles.get(2), candles.get(3), hour(4, "102", "103", "101", "102"));

        OutcomeMeasurement m =
                forwardReturn.measure(pending(0, Side.BUY, TWO_HOURS), gapped).orElseThrow();

        assertThat(m.entryTime()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(m.entryPrice()).isEqualByComparingTo("102");
        assertThat(m.exitTime()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(m.grossReturn()).isEqualByComparingTo("0");
        assertThat(m.flags()).containsExactly(OutcomeFlag.GAP);
    }

    @Test
    void aHeldCandleMissingInsideTheHorizonIsAGapToo() {
        List<OutcomeCandle> gapped =
                List.of(candles.get(0), candles.get(1), candles.get(3), hour(4, "105", "106", "104", "105"));

        OutcomeMeasurement m = forwardReturn
                .measure(pending(0, Side.BUY, Duration.ofHours(3)), gapped)
                .orElseThrow();

        assertThat(m.exitTime()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(m.flags()).containsExactly(OutcomeFlag.GAP);
        // Held: candles 1 and 3; highs 104 and 120 -> +20 %, lows 99 and 80 -> -20 %
        assertThat(m.maxFavourableExcursion()).isEqualByComparingTo("0.2");
        assertThat(m.maxAdverseExcursion()).isEqualByComparingTo("-0.2");
    }

    @Test
    void aQualityFlaggedCandleIsNamed() {
        OutcomeCandle c2 = candles.get(2);
        List<OutcomeCandle> flagged = List.of(
                candles.get(0),
                candles.get(1),
                new OutcomeCandle(
                        c2.symbol(),
                        c2.interval(),
                        c2.openTime(),
                        c2.closeTime(),
                        c2.open(),
                        c2.high(),
                        c2.low(),
                        c2.close(),
                        true),
                candles.get(3));

        assertThat(forwardReturn
                        .measure(pending(0, Side.BUY, TWO_HOURS), flagged)
                        .orElseThrow()
                        .flags())
                .containsExactly(OutcomeFlag.QUALITY_FLAGGED);
    }

    @Test
    void candlesInAnyOrderGiveTheSameMeasurement() {
        List<OutcomeCandle> shuffled = List.of(candles.get(3), candles.get(1), candles.get(0), candles.get(2));

        assertThat(forwardReturn.measure(pending(0, Side.BUY, TWO_HOURS), shuffled))
                .isEqualTo(forwardReturn.measure(pending(0, Side.BUY, TWO_HOURS), candles));
    }

    @Test
    void inconsistentCandlesAreNamed() {
        assertThat(hour(0, "100", "99", "98", "99").problem()).contains("INCONSISTENT_OHLC");
        assertThat(hour(0, "100", "101", "100.5", "101").problem()).contains("INCONSISTENT_OHLC");
        assertThat(hour(0, "100", "101", "0", "100").problem()).contains("NON_POSITIVE_PRICE");
        assertThat(hour(0, "100", "101", "99", "100").problem()).isEmpty();
    }
}
