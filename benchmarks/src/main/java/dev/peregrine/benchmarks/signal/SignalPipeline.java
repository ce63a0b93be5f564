package dev.peregrine.benchmarks.signal;

import dev.peregrine.signal.domain.Bar;
import dev.peregrine.signal.domain.SignalCandidate;
import dev.peregrine.signal.domain.SignalValidation;
import dev.peregrine.signal.domain.SignalValidator;
import dev.peregrine.signal.domain.analyst.AnalystPanel;
import dev.peregrine.signal.domain.analyst.MarketContext;
import dev.peregrine.signal.domain.analyst.Opinion;
import dev.peregrine.signal.domain.analyst.SeriesFeatureTracker;
import dev.peregrine.signal.domain.analyst.SeriesFeatures;
import dev.peregrine.signal.domain.consensus.DebateRecord;
import dev.peregrine.signal.domain.consensus.Deliberation;
import dev.peregrine.signal.domain.consensus.PanelMember;
import dev.peregrine.signal.domain.indicator.BarUpdate;
import dev.peregrine.signal.domain.indicator.IndicatorBank;
import dev.peregrine.signal.domain.indicator.IndicatorPeriods;
import dev.peregrine.signal.domain.indicator.IndicatorValues;
import dev.peregrine.signal.domain.pattern.PatternBar;
import dev.peregrine.signal.domain.pattern.PatternDetector;
import dev.peregrine.signal.domain.pattern.PatternMatch;
import dev.peregrine.signal.domain.regime.Regime;
import dev.peregrine.signal.domain.regime.RegimeClassifier;
import dev.peregrine.signal.domain.regime.RegimeConfig;
import dev.peregrine.signal.domain.regime.RegimeWeights;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The signal-service decision chain for one (symbol, interval) series, built from the domain only, as the design
 * of phase 2 (analyst panel, regime weights, consensus, debate, validation v2) specifies it:
 * <ol>
 *   <li>{@link IndicatorBank#update} with the closed bar; a duplicate or out-of-order bar stops here (nothing
 *       moves, nothing is decided);</li>
 *   <li>{@link PatternDetector#onBar}, {@link SeriesFeatureTracker#update} and {@link RegimeClassifier#update}
 *       with the bank's snapshot;</li>
 *   <li>{@link AnalystPanel#assess} → five opinions;</li>
 *   <li>one {@link PanelMember} per analyst: weight = {@link RegimeWeights#weight regime weight} × the strategy's
 *       runtime weight, paused as the registry says; {@link Deliberation#deliberate} → consensus, bull and bear
 *       cases, verdict;</li>
 *   <li>one {@link SignalCandidate} per directional opinion, paused or not (regime weight, the close as reference
 *       price, the ATR, the candle's quality flags, the classifier's volatility ratio, consensus, verdict) →
 *       {@link SignalValidator#validate}.</li>
 * </ol>
 * It mirrors signal-service's own domain chain ({@code SeriesState.advance} + {@code SignalPipeline.assess}, written
 * at the same time and not yet in the installed signal-service jar when this was): same order, same inputs, and
 * bit-identical validations and debates on every BTCUSDT and XRPUSDT 15m candle. Once those classes are released,
 * this class can delegate to them. The runtime weights and pauses are functions here because the registry is not
 * part of the domain. {@link #withDefaults()} uses every default, with all strategies active at runtime weight 1.
 *
 * <p>Not thread-safe: one instance per series, fed in open-time order.
 */
public final class SignalPipeline {

    /**
     * Everything that is not per-series state. The panel, regime weights, deliberation and validator are
     * stateless and may be shared by many pipelines.
     *
     * @param runtimeWeight the registry's runtime weight (0-1) of a strategy id
     * @param paused        whether a strategy id is paused in the registry
     */
    public record Settings(IndicatorPeriods periods, int featureLookback, RegimeConfig regimeConfig, AnalystPanel panel,
                           RegimeWeights regimeWeights, Deliberation deliberation, SignalValidator validator,
                           ToDoubleFunction<String> runtimeWeight, Predicate<String> paused) {

        public Settings {
            Objects.requireNonNull(periods, "periods");
            Objects.requireNonNull(regimeConfig, "regimeConfig");
            Objects.requireNonNull(panel, "panel");
            Objects.requireNonNull(regimeWeights, "regimeWeights");
            Objects.requireNonNull(deliberation, "deliberation");
            Objects.requireNonNull(validator, "validator");
            Objects.requireNonNull(runtimeWeight, "runtimeWeight");
            Objects.requireNonNull(paused, "paused");
        }

        /** Every domain default; all strategies active with runtime weight 1. */
        public static Settings defaults() {
            return new Settings(IndicatorPeriods.defaults(), SeriesFeatureTracker.DEFAULT_LOOKBACK, RegimeConfig.defaults(),
                    AnalystPanel.withDefaults(), RegimeWeights.defaults(), Deliberation.withDefaults(), new SignalValidator(),
                    strategy -> 1.0, strategy -> false);
        }
    }

    /** One validated candidate: the analyst's opinion, its regime weight and the validator's verdict on it. */
    public record ValidatedSignal(Opinion opinion, double regimeWeight, boolean paused, SignalValidation validation) {
    }

    /**
     * What the chain decided on one applied candle.
     *
     * @param opinions the panel's five opinions, in the panel's order
     * @param signals  one per directional opinion, in the panel's order
     */
    public record CandleEvaluation(Bar bar, IndicatorValues indicators, Regime regime, OptionalDouble volatilityRatio,
                                   List<PatternMatch> patterns, List<Opinion> opinions, DebateRecord debate,
                                   List<ValidatedSignal> signals) {
    }

    private final Settings settings;
    private final IndicatorBank bank;
    private final PatternDetector patterns;
    private final SeriesFeatureTracker features;
    private final RegimeClassifier classifier;

    public SignalPipeline(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bank = new IndicatorBank(settings.periods());
        this.patterns = PatternDetector.withDefaults();
        this.features = new SeriesFeatureTracker(settings.featureLookback());
        this.classifier = new RegimeClassifier(settings.regimeConfig());
    }

    public static SignalPipeline withDefaults() {
        return new SignalPipeline(Settings.defaults());
    }

    /** Runs the chain on the next closed candle; empty when the bank did not apply it (duplicate, out of order). */
    public Optional<CandleEvaluation> evaluate(Bar bar) {
        BarUpdate update = bank.update(bar);
        if (update != BarUpdate.APPLIED) {
            return Optional.empty();
        }
        IndicatorValues values = bank.snapshot();
        double close = values.close();
        // A close outside its own high-low range (ingest flags such a candle OHLC_INCONSISTENT, so it is never
        // traded) widens the range for the pattern detector instead of stopping the series.
        List<PatternMatch> confirmed = patterns.onBar(new PatternBar(bar.openTime(),
                Math.max(bar.high().doubleValue(), close), Math.min(bar.low().doubleValue(), close), close,
                bar.volume().doubleValue()));
        SeriesFeatures seriesFeatures = features.update(bar, values);
        Regime regime = classifier.update(values);
        OptionalDouble volatilityRatio = classifier.volatilityRatio();
        List<Opinion> opinions = settings.panel().assess(new MarketContext(bar, values, regime, confirmed, seriesFeatures));

        int size = opinions.size();
        double[] regimeWeights = new double[size];
        boolean[] paused = new boolean[size];
        List<PanelMember> members = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Opinion opinion = opinions.get(i);
            String id = opinion.analystId();
            regimeWeights[i] = settings.regimeWeights().weight(id, regime);
            paused[i] = settings.paused().test(id);
            members.add(new PanelMember(opinion, regimeWeights[i] * settings.runtimeWeight().applyAsDouble(id), paused[i]));
        }
        DebateRecord debate = settings.deliberation().deliberate(members);

        List<ValidatedSignal> signals = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Opinion opinion = opinions.get(i);
            if (!opinion.directional()) {
                continue;
            }
            SignalValidation validation = settings.validator().validate(new SignalCandidate(opinion, regimeWeights[i],
                    paused[i], bar.close(), values.atr(), bar.qualityFlags(), volatilityRatio, debate.consensus(),
                    debate.verdict()));
            signals.add(new ValidatedSignal(opinion, regimeWeights[i], paused[i], validation));
        }
        return Optional.of(new CandleEvaluation(bar, values, regime, volatilityRatio, confirmed, opinions, debate,
                List.copyOf(signals)));
    }

    public Settings settings() {
        return settings;
    }
}
