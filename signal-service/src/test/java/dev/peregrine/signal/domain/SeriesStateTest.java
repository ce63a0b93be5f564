package dev.peregrine.signal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.signal.MarketScripts;
import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.indicator.BarUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesStateTest {

    private static final Instant T0 = Instant.parse("2025-02-03T00:00:00Z");

    private static List<Bar> waves(int count) {
        return MarketScripts.waves(
                        "SERUSDT", Interval.FIFTEEN_MINUTES, T0, count, i -> DerivedIds.from("series-state", i))
                .stream()
                .map(MarketScripts::bar)
                .toList();
    }

    private static List<SeriesState.Step.Applied> feed(SeriesState state, List<Bar> bars) {
        List<SeriesState.Step.Applied> applied = new ArrayList<>();
        for (Bar bar : bars) {
            if (state.advance(bar) instanceof SeriesState.Step.Applied step) {
                applied.add(step);
            }
        }
        return applied;
    }

    @Test
    void theSameBarsGiveTheSameContextsBitForBit() {
        List<Bar> bars = waves(300);
        List<SeriesState.Step.Applied> first = feed(SeriesState.withDefaults(), bars);
        List<SeriesState.Step.Applied> second = feed(SeriesState.withDefaults(), bars);
        assertThat(first).hasSize(300).isEqualTo(second);
    }

    @Test
    void aDuplicateOrOlderBarMovesNothing() {
        List<Bar> bars = waves(60);
        SeriesState state = SeriesState.withDefaults();
        SeriesState reference = SeriesState.withDefaults();
        feed(state, bars.subList(0, 40));
        feed(reference, bars.subList(0, 40));

        assertThat(state.advance(bars.get(39))).isEqualTo(new SeriesState.Step.Ignored(BarUpdate.DUPLICATE));
        assertThat(state.advance(bars.get(12))).isEqualTo(new SeriesState.Step.Ignored(BarUpdate.OUT_OF_ORDER));
        assertThat(state.lastOpenTime()).isEqualTo(bars.get(39).openTime());
        // Every part (indicators, patterns, features, regime) continues exactly as if the two had never come.
        assertThat(feed(state, bars.subList(40, 60))).isEqualTo(feed(reference, bars.subList(40, 60)));
    }

    @Test
    void aSeriesIsWarmOnceEveryIndicatorAndTheRegimeBaselineHaveTheirHistory() {
        List<SeriesState.Step.Applied> steps = feed(SeriesState.withDefaults(), waves(260));
        int firstWarm = 0;
        while (!steps.get(firstWarm).warm()) {
            firstWarm++;
        }
        // 20 log returns for the volatility, then 200 readings for its baseline: the 221st bar (index 220).
        assertThat(firstWarm).isEqualTo(220);
        assertThat(steps.subList(firstWarm, steps.size())).allMatch(SeriesState.Step.Applied::warm);
        SeriesState.Step.Applied warm = steps.get(firstWarm);
        assertThat(warm.volatilityRatio()).isPresent();
        assertThat(warm.context().indicators().sma()).isPresent();
        assertThat(warm.context().regime().trend())
                .isNotEqualTo(dev.peregrine.signal.domain.regime.Regime.Trend.UNKNOWN);
        assertThat(warm.context().regime().volatility())
                .isNotEqualTo(dev.peregrine.signal.domain.regime.Regime.Volatility.UNKNOWN);
        assertThat(steps.get(firstWarm - 1).volatilityRatio()).isEmpty();
    }

    @Test
    void aCloseOutsideItsOwnRangeStillMovesTheSeriesButAnImpossibleBarMovesNothing() {
        List<Bar> bars = waves(30);
        SeriesState state = SeriesState.withDefaults();
        feed(state, bars.subList(0, 29));
        Bar last = bars.get(29);
        Bar inconsistent = new Bar(
                last.openTime(),
                last.closeTime(),
                last.open(),
                last.high(),
                last.low(),
                last.high().add(BigDecimal.TEN),
                last.volume(),
                last.quoteVolume(),
                last.takerBuyBaseVolume(),
                List.of("OHLC_INCONSISTENT"));
        assertThat(state.advance(inconsistent)).isInstanceOf(SeriesState.Step.Applied.class);

        SeriesState other = SeriesState.withDefaults();
        feed(other, bars.subList(0, 29));
        Bar impossible = new Bar(
                last.openTime(),
                last.closeTime(),
                last.open(),
                last.low(),
                last.high(),
                last.close(),
                last.volume(),
                last.quoteVolume(),
                last.takerBuyBaseVolume(),
                List.of());
        assertThatThrownBy(() -> other.advance(impossible)).isInstanceOf(IllegalArgumentException.class);
        assertThat(other.lastOpenTime()).isEqualTo(bars.get(28).openTime());
    }

    @Test
    void theBreakoutScriptConfirmsItsBreakoutBarWithHighVolume() {
        List<CandleClosed> candles = MarketScripts.breakout(
                "SERUSDT", Interval.FIFTEEN_MINUTES, T0, "42000.00", i -> DerivedIds.from("series-state-breakout", i));
        List<SeriesState.Step.Applied> steps = feed(
                SeriesState.withDefaults(),
                candles.stream().map(MarketScripts::bar).toList());
        SeriesState.Step.Applied breakout = steps.get(MarketScripts.BREAKOUT);
        assertThat(breakout.context().indicators().volumeZScore().getAsDouble()).isGreaterThan(3.0);
        assertThat(breakout.context().indicators().close())
                .isGreaterThan(breakout.context()
                        .indicators()
                        .donchian()
                        .previousUpper()
                        .getAsDouble());
    }
}
