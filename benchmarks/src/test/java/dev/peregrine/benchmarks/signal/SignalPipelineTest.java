package dev.peregrine.benchmarks.signal;

import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Side;
import dev.peregrine.signal.domain.Bar;
import dev.peregrine.signal.domain.SignalValidation;
import dev.peregrine.signal.domain.SignalValidator;
import dev.peregrine.signal.domain.analyst.AnalystPanel;
import dev.peregrine.signal.domain.analyst.Opinion;
import dev.peregrine.signal.domain.analyst.SeriesFeatureTracker;
import dev.peregrine.signal.domain.analyst.Stance;
import dev.peregrine.signal.domain.consensus.Deliberation;
import dev.peregrine.signal.domain.consensus.Verdict;
import dev.peregrine.signal.domain.indicator.IndicatorPeriods;
import dev.peregrine.signal.domain.regime.RegimeConfig;
import dev.peregrine.signal.domain.regime.RegimeWeights;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SignalPipelineTest {

    private static final List<Bar> BARS = Klines.generated(3_000, Duration.ofMinutes(15), 7);
    private static final RegimeWeights WEIGHTS = RegimeWeights.defaults();

    @Test
    void validatesEveryDirectionalOpinionWithItsRegimeWeightAgainstTheWholePanel() {
        SignalPipeline pipeline = SignalPipeline.withDefaults();
        int signals = 0;
        int directionalVerdicts = 0;
        for (Bar bar : BARS) {
            SignalPipeline.CandleEvaluation evaluation = pipeline.evaluate(bar).orElseThrow();
            List<Opinion> directional = evaluation.opinions().stream().filter(Opinion::directional).toList();
            assertThat(evaluation.opinions()).extracting(Opinion::analystId).containsExactlyElementsOf(AnalystPanel.withDefaults().ids());
            assertThat(evaluation.signals()).extracting(SignalPipeline.ValidatedSignal::opinion).containsExactlyElementsOf(directional);

            double activeWeight = evaluation.opinions().stream()
                    .mapToDouble(o -> WEIGHTS.weight(o.analystId(), evaluation.regime())).sum();
            assertThat(evaluation.debate().consensus().activeWeight()).isCloseTo(activeWeight, within(1e-12));
            assertThat(evaluation.debate().consensus().pausedCount()).isZero();
            for (SignalPipeline.ValidatedSignal signal : evaluation.signals()) {
                SignalValidation validation = signal.validation();
                assertThat(signal.regimeWeight()).isEqualTo(WEIGHTS.weight(signal.opinion().analystId(), evaluation.regime()));
                assertThat(validation.analystId()).isEqualTo(signal.opinion().analystId());
                assertThat(validation.side()).isEqualTo(signal.opinion().stance() == Stance.BULLISH ? Side.BUY : Side.SELL);
                assertThat(validation.referencePrice()).isEqualTo(bar.close());
                assertThat(validation.breakdown().regimeFit()).isEqualTo(Math.min(1.0, signal.regimeWeight()));
                assertThat(validation.grade()).isEqualTo(SignalValidator.gradeOf(validation.strength()));
                signals++;
            }
            if (evaluation.debate().verdict().decision() != Verdict.Decision.HOLD) {
                directionalVerdicts++;
            }
        }
        assertThat(signals).isPositive();
        assertThat(directionalVerdicts).isPositive();
    }

    @Test
    void aRedeliveredCandleDecidesNothingAndLeavesTheSeriesAsItWas() {
        SignalPipeline once = SignalPipeline.withDefaults();
        SignalPipeline twice = SignalPipeline.withDefaults();
        List<SignalPipeline.CandleEvaluation> expected = new ArrayList<>();
        List<SignalPipeline.CandleEvaluation> actual = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            expected.add(once.evaluate(BARS.get(i)).orElseThrow());
            actual.add(twice.evaluate(BARS.get(i)).orElseThrow());
            if (i % 100 == 50) {
                assertThat(twice.evaluate(BARS.get(i))).isEmpty();
                assertThat(twice.evaluate(BARS.get(i - 1))).isEmpty();
            }
        }

        assertThat(validations(actual)).isEqualTo(validations(expected));
    }

    @Test
    void pausedAnalystsAreValidatedButLeftOutAndRuntimeWeightsScaleTheRegimeWeights() {
        SignalPipeline.Settings defaults = SignalPipeline.Settings.defaults();
        SignalPipeline pipeline = new SignalPipeline(new SignalPipeline.Settings(IndicatorPeriods.defaults(),
                SeriesFeatureTracker.DEFAULT_LOOKBACK, RegimeConfig.defaults(), defaults.panel(), WEIGHTS,
                Deliberation.withDefaults(), new SignalValidator(),
                id -> id.equals("breakout") ? 0.5 : 1.0, id -> id.equals("momentum")));
        int pausedSignals = 0;
        for (Bar bar : BARS) {
            SignalPipeline.CandleEvaluation evaluation = pipeline.evaluate(bar).orElseThrow();
            double activeWeight = evaluation.opinions().stream().filter(o -> !o.analystId().equals("momentum"))
                    .mapToDouble(o -> WEIGHTS.weight(o.analystId(), evaluation.regime())
                            * (o.analystId().equals("breakout") ? 0.5 : 1.0))
                    .sum();
            assertThat(evaluation.debate().consensus().pausedCount()).isEqualTo(1);
            assertThat(evaluation.debate().consensus().activeWeight()).isCloseTo(activeWeight, within(1e-12));
            assertThat(evaluation.debate().bull().advocates()).noneMatch(a -> a.analystId().equals("momentum"));
            assertThat(evaluation.debate().bear().advocates()).noneMatch(a -> a.analystId().equals("momentum"));
            for (SignalPipeline.ValidatedSignal signal : evaluation.signals()) {
                if (signal.opinion().analystId().equals("momentum")) {
                    pausedSignals++;
                    assertThat(signal.paused()).isTrue();
                    assertThat(signal.validation().tradeable()).isFalse();
                    assertThat(signal.validation().reasons()).extracting(Reason::code).contains("STRATEGY_PAUSED");
                } else {
                    assertThat(signal.validation().tradeable())
                            .isEqualTo(signal.validation().action() != RecommendedAction.SKIP);
                }
            }
        }
        assertThat(pausedSignals).isPositive();
    }

    @Test
    void aFlaggedCandleMovesTheSeriesButEveryOneOfItsSignalsIsSkippedForDataQuality() {
        SignalPipeline pipeline = SignalPipeline.withDefaults();
        int flaggedSignals = 0;
        for (int i = 0; i < BARS.size(); i++) {
            Bar bar = BARS.get(i);
            boolean flagged = i % 7 == 0;
            Bar fed = flagged ? new Bar(bar.openTime(), bar.closeTime(), bar.open(), bar.high(), bar.low(), bar.close(),
                    bar.volume(), bar.quoteVolume(), bar.takerBuyBaseVolume(), List.of("PRICE_SPIKE")) : bar;
            Optional<SignalPipeline.CandleEvaluation> evaluation = pipeline.evaluate(fed);
            assertThat(evaluation).isPresent();
            if (flagged) {
                for (SignalPipeline.ValidatedSignal signal : evaluation.get().signals()) {
                    flaggedSignals++;
                    assertThat(signal.validation().action()).isEqualTo(RecommendedAction.SKIP);
                    assertThat(signal.validation().strength()).isZero();
                    assertThat(signal.validation().reasons()).extracting(Reason::code).contains("DATA_QUALITY");
                }
            }
        }
        assertThat(flaggedSignals).isPositive();
    }

    private static List<SignalValidation> validations(List<SignalPipeline.CandleEvaluation> evaluations) {
        return evaluations.stream().flatMap(e -> e.signals().stream()).map(SignalPipeline.ValidatedSignal::validation).toList();
    }
}
