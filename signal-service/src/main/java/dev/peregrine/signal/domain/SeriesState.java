package dev.peregrine.signal.domain;

import dev.peregrine.signal.domain.analyst.MarketContext;
import dev.peregrine.signal.domain.analyst.SeriesFeatureTracker;
import dev.peregrine.signal.domain.analyst.SeriesFeatures;
import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.indicator.BarUpdate;
import dev.peregrine.signal.domain.indicator.IndicatorBank;
import dev.peregrine.signal.domain.indicator.IndicatorPeriods;
import dev.peregrine.signal.domain.indicator.IndicatorValues;
import dev.peregrine.signal.domain.pattern.PatternBar;
import dev.peregrine.signal.domain.pattern.PatternConfig;
import dev.peregrine.signal.domain.pattern.PatternDetector;
import dev.peregrine.signal.domain.pattern.PatternMatch;
import dev.peregrine.signal.domain.pattern.SwingConfig;
import dev.peregrine.signal.domain.regime.Regime;
import dev.peregrine.signal.domain.regime.RegimeClassifier;
import dev.peregrine.signal.domain.regime.RegimeConfig;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Everything one (symbol, interval) series remembers between candles: its {@link IndicatorBank},
 * {@link PatternDetector}, {@link SeriesFeatureTracker} and {@link RegimeClassifier}, moved together once per
 * closed bar in O(1) (the pattern detector in O(swings)). {@link #advance} turns the bar into the
 * {@link MarketContext} the analysts judge.
 *
 * <p>The bank decides what is applied: a bar whose open time is not after the last applied one moves nothing
 * ({@link Step.Ignored}), and a bar the bank refuses (high below low, a non-positive price, a negative volume)
 * throws {@link IllegalArgumentException} before anything moves. So every part sees exactly the same bars. A bar
 * whose close lies outside its own high-low range (ingest publishes such a candle with an
 * {@code OHLC_INCONSISTENT} flag, so it is never traded) reaches the pattern detector with the range widened to
 * the close, rather than stopping the series.
 *
 * <p>Replaying the same bars into a fresh instance gives bit-identical state: that is how a restart rebuilds a
 * series from its stored candles. Not thread-safe: one instance per series, fed in order.
 */
public final class SeriesState {

    private final IndicatorBank bank;
    private final PatternDetector patterns;
    private final SeriesFeatureTracker features;
    private final RegimeClassifier regime;
    private boolean warm;

    public SeriesState(
            IndicatorPeriods periods,
            SwingConfig swings,
            PatternConfig patternConfig,
            int featureLookback,
            RegimeConfig regimeConfig) {
        this.bank = new IndicatorBank(Objects.requireNonNull(periods, "periods"));
        this.patterns = new PatternDetector(swings, patternConfig);
        this.features = new SeriesFeatureTracker(featureLookback);
        this.regime = new RegimeClassifier(regimeConfig);
    }

    public static SeriesState withDefaults() {
        return new SeriesState(
                IndicatorPeriods.defaults(),
                SwingConfig.defaults(),
                PatternConfig.defaults(),
                SeriesFeatureTracker.DEFAULT_LOOKBACK,
                RegimeConfig.defaults());
    }

    /** What one bar did to the series. */
    public sealed interface Step {

        /**
         * The bar moved the series.
         *
         * @param volatilityRatio the bar's volatility over its long-run level ({@link RegimeClassifier#volatilityRatio()}),
         *                        empty until the regime baseline is warm
         * @param warm            whether every indicator, the features and the regime baseline are warm after it
         */
        record Applied(MarketContext context, OptionalDouble volatilityRatio, boolean warm) implements Step {

            public Applied {
                Objects.requireNonNull(context, "context");
                Objects.requireNonNull(volatilityRatio, "volatilityRatio");
            }
        }

        /** The bar was a duplicate of the last applied one or older than it: nothing moved. */
        record Ignored(BarUpdate reason) implements Step {

            public Ignored {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    public Step advance(Bar bar) {
        Objects.requireNonNull(bar, "bar");
        BarUpdate update = bank.update(bar);
        if (update != BarUpdate.APPLIED) {
            return new Step.Ignored(update);
        }
        IndicatorValues values = bank.snapshot();
        double close = values.close();
        List<PatternMatch> confirmed = patterns.onBar(new PatternBar(
                bar.openTime(),
                Math.max(bar.high().doubleValue(), close),
                Math.min(bar.low().doubleValue(), close),
                close,
                bar.volume().doubleValue()));
        SeriesFeatures seriesFeatures = features.update(bar, values);
        Regime current = regime.update(values);
        OptionalDouble volatilityRatio = regime.volatilityRatio();
        warm = warm || allWarm(values, seriesFeatures, volatilityRatio);
        return new Step.Applied(
                new MarketContext(bar, values, current, confirmed, seriesFeatures), volatilityRatio, warm);
    }

    /** Every value an analyst or the regime reads, so a warm series has nothing left to wait for. */
    private static boolean allWarm(IndicatorValues v, SeriesFeatures f, OptionalDouble volatilityRatio) {
        return v.previousClose().isPresent()
                && v.emaFast().isPresent()
                && v.previousEmaFast().isPresent()
                && v.emaSlow().isPresent()
                && v.previousEmaSlow().isPresent()
                && v.emaTrend().isPresent()
                && v.sma().isPresent()
                && v.rsi().isPresent()
                && v.previousRsi().isPresent()
                && v.macd().histogram().isPresent()
                && v.macd().previousHistogram().isPresent()
                && v.bollinger().percentB().isPresent()
                && v.atr().isPresent()
                && v.adx().adx().isPresent()
                && v.adx().plusDi().isPresent()
                && v.adx().minusDi().isPresent()
                && v.donchian().previousUpper().isPresent()
                && v.donchian().previousLower().isPresent()
                && v.volatility().isPresent()
                && v.volumeZScore().isPresent()
                && f.closeChange().isPresent()
                && f.obvFlow().isPresent()
                && volatilityRatio.isPresent();
    }

    /**
     * Whether the series is warm: every indicator, the features and the regime's volatility baseline have their
     * history (with the default periods from about the 221st bar: 20 log returns, then 200 baseline readings).
     * Once warm, a series stays warm.
     */
    public boolean warm() {
        return warm;
    }

    /** Open time of the last applied bar, or null before the first. */
    public Instant lastOpenTime() {
        return bank.lastOpenTime();
    }
}
