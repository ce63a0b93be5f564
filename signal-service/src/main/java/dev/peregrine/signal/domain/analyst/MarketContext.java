package dev.peregrine.signal.domain.analyst;

import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.indicator.IndicatorValues;
import dev.peregrine.signal.domain.pattern.PatternMatch;
import dev.peregrine.signal.domain.regime.Regime;
import java.util.List;
import java.util.Objects;

/**
 * Everything an analyst may look at for one closed candle of one series.
 *
 * @param patterns chart patterns confirmed on this candle (usually none)
 * @param features per-series derived history the indicators do not carry (see {@link SeriesFeatures})
 */
public record MarketContext(
        Bar bar, IndicatorValues indicators, Regime regime, List<PatternMatch> patterns, SeriesFeatures features) {

    public MarketContext {
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(indicators, "indicators");
        Objects.requireNonNull(regime, "regime");
        patterns = List.copyOf(Objects.requireNonNull(patterns, "patterns"));
        Objects.requireNonNull(features, "features");
    }
}
