package dev.peregrine.signal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.signal.domain.bar.Bar;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IndicatorBankTest {

    private static final Instant MIDNIGHT = Instant.parse("2025-03-03T00:00:00Z");

    private static List<IndicatorValues> run(IndicatorBank bank, List<Bar> bars) {
        List<IndicatorValues> values = new ArrayList<>();
        for (Bar bar : bars) {
            assertThat(bank.update(bar)).isEqualTo(BarUpdate.APPLIED);
            values.add(bank.snapshot());
        }
        return values;
    }

    /** The 0-based index of the first bar on which each value of a default bank exists. */
    private static Map<String, Function<IndicatorValues, OptionalDouble>> valuesByName() {
        Map<String, Function<IndicatorValues, OptionalDouble>> values = new LinkedHashMap<>();
        values.put("previousClose", IndicatorValues::previousClose);
        values.put("emaFast", IndicatorValues::emaFast);
        values.put("previousEmaFast", IndicatorValues::previousEmaFast);
        values.put("emaSlow", IndicatorValues::emaSlow);
        values.put("previousEmaSlow", IndicatorValues::previousEmaSlow);
        values.put("emaTrend", IndicatorValues::emaTrend);
        values.put("sma", IndicatorValues::sma);
        values.put("rsi", IndicatorValues::rsi);
        values.put("previousRsi", IndicatorValues::previousRsi);
        values.put("macd.line", v -> v.macd().line());
        values.put("macd.signal", v -> v.macd().signal());
        values.put("macd.histogram", v -> v.macd().histogram());
        values.put("macd.previousHistogram", v -> v.macd().previousHistogram());
        values.put("bollinger.middle", v -> v.bollinger().middle());
        values.put("bollinger.upper", v -> v.bollinger().upper());
        values.put("bollinger.lower", v -> v.bollinger().lower());
        values.put("bollinger.percentB", v -> v.bollinger().percentB());
        values.put("bollinger.bandwidth", v -> v.bollinger().bandwidth());
        values.put("atr", IndicatorValues::atr);
        values.put("adx.plusDi", v -> v.adx().plusDi());
        values.put("adx.minusDi", v -> v.adx().minusDi());
        values.put("adx.previousPlusDi", v -> v.adx().previousPlusDi());
        values.put("adx.previousMinusDi", v -> v.adx().previousMinusDi());
        values.put("adx.adx", v -> v.adx().adx());
        values.put("stochastic.k", v -> v.stochastic().k());
        values.put("stochastic.d", v -> v.stochastic().d());
        values.put("obv", IndicatorValues::obv);
        values.put("vwap", IndicatorValues::vwap);
        values.put("donchian.upper", v -> v.donchian().upper());
        values.put("donchian.lower", v -> v.donchian().lower());
        values.put("donchian.middle", v -> v.donchian().middle());
        values.put("donchian.previousUpper", v -> v.donchian().previousUpper());
        values.put("donchian.previousLower", v -> v.donchian().previousLower());
        values.put("volatility", IndicatorValues::volatility);
        values.put("volumeZScore", IndicatorValues::volumeZScore);
        values.put("priorDay.high", v -> v.priorDay().high());
        values.put("priorDay.low", v -> v.priorDay().low());
        return values;
    }

    @Test
    void everyValueIsAbsentUntilItsDocumentedWarmUpBarAndPresentFromThenOn() {
        // 96 bars of 15 minutes make a UTC day; starting at midnight, the second day has a known prior day.
        List<IndicatorValues> values = run(IndicatorBank.withDefaults(), TestBars.wave(MIDNIGHT, 300));
        Map<String, Integer> expectedFirst = new LinkedHashMap<>();
        expectedFirst.put("previousClose", 1);
        expectedFirst.put("emaFast", 8);
        expectedFirst.put("previousEmaFast", 9);
        expectedFirst.put("emaSlow", 20);
        expectedFirst.put("previousEmaSlow", 21);
        expectedFirst.put("emaTrend", 49);
        expectedFirst.put("sma", 199);
        expectedFirst.put("rsi", 14);
        expectedFirst.put("previousRsi", 15);
        expectedFirst.put("macd.line", 25);
        expectedFirst.put("macd.signal", 33);
        expectedFirst.put("macd.histogram", 33);
        expectedFirst.put("macd.previousHistogram", 34);
        for (String band : List.of("middle", "upper", "lower", "percentB", "bandwidth")) {
            expectedFirst.put("bollinger." + band, 19);
        }
        expectedFirst.put("atr", 13);
        expectedFirst.put("adx.plusDi", 14);
        expectedFirst.put("adx.minusDi", 14);
        expectedFirst.put("adx.previousPlusDi", 15);
        expectedFirst.put("adx.previousMinusDi", 15);
        expectedFirst.put("adx.adx", 27);
        expectedFirst.put("stochastic.k", 13);
        expectedFirst.put("stochastic.d", 15);
        expectedFirst.put("obv", 0);
        expectedFirst.put("vwap", 0);
        expectedFirst.put("donchian.upper", 19);
        expectedFirst.put("donchian.lower", 19);
        expectedFirst.put("donchian.middle", 19);
        expectedFirst.put("donchian.previousUpper", 20);
        expectedFirst.put("donchian.previousLower", 20);
        expectedFirst.put("volatility", 20);
        expectedFirst.put("volumeZScore", 19);
        expectedFirst.put("priorDay.high", 96);
        expectedFirst.put("priorDay.low", 96);

        Map<String, Function<IndicatorValues, OptionalDouble>> extractors = valuesByName();
        assertThat(expectedFirst.keySet()).containsExactlyElementsOf(extractors.keySet());
        extractors.forEach((name, extractor) -> {
            int first = expectedFirst.get(name);
            for (int i = 0; i < values.size(); i++) {
                assertThat(extractor.apply(values.get(i)).isPresent())
                        .as("%s present at bar %d", name, i)
                        .isEqualTo(i >= first);
            }
        });
    }

    @Test
    void previousValuesAreTheSameIndicatorsOneAppliedBarEarlier() {
        List<IndicatorValues> values = run(IndicatorBank.withDefaults(), RealBars.eth());
        for (int i = 1; i < values.size(); i++) {
            IndicatorValues before = values.get(i - 1);
            IndicatorValues now = values.get(i);
            assertThat(now.previousClose()).isEqualTo(OptionalDouble.of(before.close()));
            assertThat(now.previousEmaFast()).isEqualTo(before.emaFast());
            assertThat(now.previousEmaSlow()).isEqualTo(before.emaSlow());
            assertThat(now.previousRsi()).isEqualTo(before.rsi());
            assertThat(now.macd().previousHistogram()).isEqualTo(before.macd().histogram());
            assertThat(now.adx().previousPlusDi()).isEqualTo(before.adx().plusDi());
            assertThat(now.adx().previousMinusDi()).isEqualTo(before.adx().minusDi());
            assertThat(now.donchian().previousUpper())
                    .isEqualTo(before.donchian().upper());
            assertThat(now.donchian().previousLower())
                    .isEqualTo(before.donchian().lower());
            assertThat(now.barCount()).isEqualTo(i + 1L);
        }
    }

    @Test
    void duplicateAndOlderBarsAreReportedAndMoveNothing() {
        List<Bar> bars = TestBars.wave(MIDNIGHT, 120);
        IndicatorBank clean = IndicatorBank.withDefaults();
        IndicatorBank disturbed = IndicatorBank.withDefaults();
        for (int i = 0; i < bars.size(); i++) {
            clean.update(bars.get(i));
            assertThat(disturbed.update(bars.get(i))).isEqualTo(BarUpdate.APPLIED);
            if (i > 0) {
                Bar sameOpenOtherPrices =
                        TestBars.bar(bars.get(i).openTime(), TestBars.FIFTEEN_MINUTES, 5000, 9000, 1, 5000, 1e6);
                assertThat(disturbed.update(sameOpenOtherPrices)).isEqualTo(BarUpdate.DUPLICATE);
                assertThat(disturbed.update(bars.get(i - 1))).isEqualTo(BarUpdate.OUT_OF_ORDER);
            }
            assertThat(disturbed.snapshot()).isEqualTo(clean.snapshot());
        }
        assertThat(disturbed.lastOpenTime()).isEqualTo(bars.getLast().openTime());
    }

    @Test
    void aBarNoIndicatorCanTakeIsRefusedBeforeAnythingMoves() {
        List<Bar> bars = TestBars.wave(MIDNIGHT, 40);
        IndicatorBank bank = IndicatorBank.withDefaults();
        run(bank, bars.subList(0, 30));
        IndicatorValues before = bank.snapshot();
        Instant next = bars.get(30).openTime();

        assertThatThrownBy(() -> bank.update(TestBars.bar(next, TestBars.FIFTEEN_MINUTES, 100, 99, 101, 100, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below low");
        Bar negativeVolume = new Bar(
                next,
                next.plus(TestBars.FIFTEEN_MINUTES).minusMillis(1),
                BigDecimal.TEN,
                BigDecimal.TEN,
                BigDecimal.ONE,
                BigDecimal.TEN,
                new BigDecimal("-1"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                List.of());
        assertThatThrownBy(() -> bank.update(negativeVolume))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("volume");
        Bar zeroLow = new Bar(
                next,
                next.plus(TestBars.FIFTEEN_MINUTES).minusMillis(1),
                BigDecimal.TEN,
                BigDecimal.TEN,
                BigDecimal.ZERO,
                BigDecimal.TEN,
                BigDecimal.ONE,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                List.of());
        assertThatThrownBy(() -> bank.update(zeroLow))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");

        assertThat(bank.snapshot()).isEqualTo(before);
        assertThat(bank.update(bars.get(30))).isEqualTo(BarUpdate.APPLIED);
    }

    @Test
    void aSnapshotNeedsAnAppliedBar() {
        assertThatThrownBy(() -> IndicatorBank.withDefaults().snapshot()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void updatingAllocatesNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Bar[] bars = RealBars.eth().toArray(Bar[]::new);
        IndicatorBank bank = IndicatorBank.withDefaults();
        for (int i = 0; i < 300; i++) {
            bank.update(bars[i]);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        int applied = 0;
        for (int i = 300; i < bars.length; i++) {
            applied += bank.update(bars[i]) == BarUpdate.APPLIED ? 1 : 0;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(applied).isEqualTo(bars.length - 300);
        assertThat(allocated).as("bytes allocated by %d updates", applied).isZero();
    }
}
