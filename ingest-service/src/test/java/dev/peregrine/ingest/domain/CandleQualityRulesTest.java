package dev.peregrine.ingest.domain;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CandleQualityRulesTest {

    private static final Instant T0 = Instant.parse("2023-03-24T12:30:00Z");
    private static final Duration M15 = Duration.ofMinutes(15);

    private final CandleQualityRules rules = new CandleQualityRules();

    @Test
    void aConsistentCandleOnTheGridAfterItsPredecessorHasNoFlags() {
        assertThat(rules.flags(candle(T0.plus(M15), "10", "12", "9", "11"), candle(T0, "10", "12", "9", "11"))).isEmpty();
        assertThat(rules.flags(candle(T0, "10", "12", "9", "11"), null)).isEmpty();
    }

    @Test
    void flagsOhlcThatContradictsItself() {
        assertThat(rules.flags(candle(T0, "10", "12", "10.5", "11"), null)).containsExactly("OHLC_INCONSISTENT");
        assertThat(rules.flags(candle(T0, "10", "10.5", "9", "11"), null)).containsExactly("OHLC_INCONSISTENT");
        assertThat(rules.flags(candle(T0, "10", "9", "12", "10"), null)).containsExactly("OHLC_INCONSISTENT");
        assertThat(rules.flags(candle(T0, "10", "10", "10", "10"), null)).isEmpty();
    }

    @Test
    void flagsOpenTimesOffTheGridAndWrongCloseTimes() {
        Candle offGrid = new Candle(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES, T0.plusSeconds(1),
                T0.plusSeconds(1).plus(M15).minusMillis(1), bd("10"), bd("12"), bd("9"), bd("11"), bd("1"), bd("1"), 1,
                bd("1"), bd("1"));
        Candle wrongClose = new Candle(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES, T0, T0.plus(M15),
                bd("10"), bd("12"), bd("9"), bd("11"), bd("1"), bd("1"), 1, bd("1"), bd("1"));

        QualityCheck offGridCheck = rules.check(offGrid, null);
        QualityCheck wrongCloseCheck = rules.check(wrongClose, null);

        assertThat(offGridCheck.flagNames()).containsExactly("OFF_GRID");
        assertThat(offGridCheck.violations().getFirst().evidence()).contains("not on the 15m grid");
        assertThat(wrongCloseCheck.flagNames()).containsExactly("OFF_GRID");
        assertThat(wrongCloseCheck.violations().getFirst().evidence()).contains("should be 2023-03-24T12:44:59.999Z");
    }

    @Test
    void weeklyCandlesOpenOnMondays() {
        Instant monday = Instant.parse("2024-01-01T00:00:00Z");
        Instant thursday = Instant.parse("2024-01-04T00:00:00Z");

        assertThat(rules.flags(weekly(monday), null)).isEmpty();
        assertThat(rules.flags(weekly(thursday), null)).containsExactly("OFF_GRID");
    }

    @Test
    void flagsAGapAndNamesTheMissingRange() {
        Candle previous = candle(T0, "10", "12", "9", "11");
        Candle afterGap = candle(T0.plus(M15.multipliedBy(6)), "10", "12", "9", "11");

        QualityCheck check = rules.check(afterGap, previous);

        assertThat(check.flagNames()).containsExactly("GAP");
        assertThat(check.refusal()).isEmpty();
        assertThat(check.violations().getFirst().evidence()).isEqualTo("5 missing 15m candle(s) of BTCUSDT: open times "
                + "2023-03-24T12:45:00Z to 2023-03-24T13:45:00Z (previous open 2023-03-24T12:30:00Z, next open "
                + "2023-03-24T14:00:00Z)");
    }

    @Test
    void aRepeatedOpenTimeIsADuplicateAndAnEarlierOneOutOfOrder() {
        Candle previous = candle(T0, "10", "12", "9", "11");

        QualityCheck duplicate = rules.check(candle(T0, "10", "12", "9", "11"), previous);
        QualityCheck outOfOrder = rules.check(candle(T0.minus(M15), "10", "12", "9", "11"), previous);

        assertThat(duplicate.flagNames()).containsExactly("DUPLICATE");
        assertThat(duplicate.refusal()).map(QualityViolation::flag).contains(QualityFlag.DUPLICATE);
        assertThat(outOfOrder.flagNames()).containsExactly("OUT_OF_ORDER");
        assertThat(outOfOrder.refusal()).map(QualityViolation::flag).contains(QualityFlag.OUT_OF_ORDER);
    }

    @Test
    void reportsEveryBrokenRuleOfOneCandle() {
        Candle previous = candle(T0, "10", "12", "9", "11");
        Candle broken = new Candle(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES, T0.plus(M15.multipliedBy(3)).plusMillis(7),
                T0.plus(M15.multipliedBy(4)), bd("10"), bd("9"), bd("12"), bd("11"), bd("1"), bd("1"), 1, bd("1"), bd("1"));

        assertThat(rules.flags(broken, previous)).containsExactly("OHLC_INCONSISTENT", "OFF_GRID", "GAP");
    }

    private static Candle candle(Instant open, String o, String h, String l, String c) {
        return new Candle(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES, open, open.plus(M15).minusMillis(1),
                bd(o), bd(h), bd(l), bd(c), bd("1"), bd("10"), 3, bd("0.5"), bd("5"));
    }

    private static Candle weekly(Instant open) {
        return new Candle(Symbol.of("BTCUSDT"), Interval.ONE_WEEK, open, open.plus(Duration.ofDays(7)).minusMillis(1),
                bd("10"), bd("12"), bd("9"), bd("11"), bd("1"), bd("10"), 3, bd("0.5"), bd("5"));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
