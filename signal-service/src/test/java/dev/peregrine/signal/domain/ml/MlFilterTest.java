package dev.peregrine.signal.domain.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.signal.domain.SignalValidation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SKIP rule: below the threshold SKIP with a reason, at or above it unchanged, without a model untouched. */
class MlFilterTest {

    private static final MlModel MODEL = TestModels.stump("m1", 0.5f, 1.0f);
    private static final double HIGH = 1.0 / (1.0 + Math.exp(-1.0)); // strength >= 0.5
    private static final double LOW = 1.0 / (1.0 + Math.exp(1.0)); // strength < 0.5

    private final SignalValidation trade = TestModels.validation(RecommendedAction.TRADE, 0.75, 70);

    private static MlFilter.Filtered filter(double threshold, SignalValidation validation, double strengthFeature) {
        return new MlFilter(threshold, ModelSource.of(MODEL))
                .apply(validation, Optional.of(MODEL), () -> TestModels.features(strengthFeature));
    }

    @Test
    void belowTheThresholdTheValidationBecomesSkipWithTheReason() {
        MlFilter.Filtered filtered = filter(0.60, trade, 0.2);

        assertThat(filtered.score().state()).isEqualTo(MlScore.State.BELOW_THRESHOLD);
        assertThat(filtered.score().probability().getAsDouble()).isCloseTo(LOW, within(1e-12));
        assertThat(filtered.score().modelVersion()).isEqualTo("m1");
        SignalValidation v = filtered.validation();
        assertThat(v.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(v.tradeable()).isFalse();
        assertThat(v.sizeMultiplier()).isZero();
        assertThat(v.reasons()).last().extracting(Reason::code).isEqualTo("ML_BELOW_THRESHOLD");
        assertThat(v.reasons().getLast().detail()).contains("m1", "0.2689", "0.6000");
        // what the validator decided stays visible
        assertThat(v.strength()).isEqualTo(trade.strength());
        assertThat(v.grade()).isEqualTo(trade.grade());
        assertThat(v.reasons()).startsWith(trade.reasons().toArray(Reason[]::new));
    }

    @Test
    void exactlyAtTheThresholdTheValidationPasses() {
        MlFilter.Filtered filtered = filter(HIGH, trade, 0.7);

        assertThat(filtered.score().state()).isEqualTo(MlScore.State.PASSED);
        assertThat(filtered.validation().action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(filtered.validation().tradeable()).isTrue();
        assertThat(filtered.validation().sizeMultiplier()).isEqualTo(0.75);
    }

    @Test
    void aboveTheThresholdTheValidationIsUnchangedButForTheRecordedProbability() {
        MlFilter.Filtered filtered = filter(0.60, trade, 0.7);

        assertThat(filtered.score().state()).isEqualTo(MlScore.State.PASSED);
        assertThat(filtered.score().probabilityOrNull()).isCloseTo(HIGH, within(1e-12));
        SignalValidation v = filtered.validation();
        assertThat(v.action()).isEqualTo(trade.action());
        assertThat(v.tradeable()).isEqualTo(trade.tradeable());
        assertThat(v.sizeMultiplier()).isEqualTo(trade.sizeMultiplier());
        assertThat(v.reasons())
                .hasSize(trade.reasons().size() + 1)
                .last()
                .extracting(Reason::code)
                .isEqualTo("ML_PROBABILITY");
    }

    @Test
    void withoutAModelNothingChangesAndTheScoreSaysSo() {
        boolean[] asked = {false};
        MlFilter.Filtered filtered = MlFilter.withoutModel().apply(trade, Optional.empty(), () -> {
            asked[0] = true;
            return TestModels.features(0.7);
        });

        assertThat(filtered.validation()).isSameAs(trade);
        assertThat(filtered.score()).isEqualTo(MlScore.NO_MODEL);
        assertThat(filtered.score().probabilityOrNull()).isNull();
        assertThat(filtered.score().modelVersion()).isNull();
        assertThat(asked[0]).as("features are not computed without a model").isFalse();
    }

    @Test
    void anAlreadySkippedSignalBelowTheThresholdStaysSkipAndSaysWhy() {
        SignalValidation skip = TestModels.validation(RecommendedAction.SKIP, 0.0, 30);

        MlFilter.Filtered filtered = filter(0.60, skip, 0.3);

        assertThat(filtered.validation().action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(filtered.validation().reasons())
                .last()
                .extracting(Reason::code)
                .isEqualTo("ML_BELOW_THRESHOLD");
    }

    @Test
    void theThresholdIsAProbability() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MlFilter(1.5, ModelSource.NONE))
                .withMessageContaining("0..1");
        assertThatIllegalArgumentException().isThrownBy(() -> new MlFilter(-0.01, ModelSource.NONE));
        assertThat(MlFilter.withoutModel().threshold()).isEqualTo(0.60);
    }
}
