package dev.peregrine.signal.domain.ml;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.signal.domain.SignalValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The ML filter, the last step of a validation: the active model's probability that the signal's forward return
 * after costs is positive, recorded in every validation; below {@link #threshold()} the validation becomes SKIP
 * (size 0, not tradeable) with reason {@code ML_BELOW_THRESHOLD}; at or above it, it is unchanged but for the reason
 * {@code ML_PROBABILITY}. Without an active model the validation is not touched at all and the score says
 * {@link MlScore.State#NO_MODEL}.
 */
public record MlFilter(double threshold, ModelSource models) {

    /** The seed's threshold: a signal needs at least a 60 % modelled chance of a positive return after costs. */
    public static final double DEFAULT_THRESHOLD = 0.60;

    public MlFilter {
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("the ML threshold is a probability within 0..1: " + threshold);
        }
        Objects.requireNonNull(models, "models");
    }

    /** The default threshold and no model: what a chain without a registry runs. */
    public static MlFilter withoutModel() {
        return new MlFilter(DEFAULT_THRESHOLD, ModelSource.NONE);
    }

    /** The model in use now, if any (read once per candle, so a candle's signals share one model). */
    public Optional<MlModel> model() {
        return models.active();
    }

    /** A validation and what the filter made of it. */
    public record Filtered(SignalValidation validation, MlScore score) {

        public Filtered {
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(score, "score");
        }
    }

    /**
     * @param features the validation's {@link MlFeatures}; not computed when there is no model
     */
    public Filtered apply(SignalValidation validation, Optional<MlModel> model, FeatureSupplier features) {
        if (model.isEmpty()) {
            return new Filtered(validation, MlScore.NO_MODEL);
        }
        MlModel m = model.get();
        double probability = m.probability(features.features());
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalStateException("model " + m.version() + " gave no probability: " + probability);
        }
        List<Reason> reasons = new ArrayList<>(validation.reasons().size() + 1);
        reasons.addAll(validation.reasons());
        if (probability >= threshold) {
            reasons.add(Reason.of(
                    "ML_PROBABILITY",
                    "model %s: probability %s at or above the threshold %s"
                            .formatted(m.version(), num(probability), num(threshold))));
            return new Filtered(
                    withReasons(
                            validation,
                            validation.action(),
                            validation.sizeMultiplier(),
                            validation.tradeable(),
                            reasons),
                    score(MlScore.State.PASSED, probability, m));
        }
        reasons.add(Reason.of(
                "ML_BELOW_THRESHOLD",
                "model %s: probability %s below the threshold %s: SKIP"
                        .formatted(m.version(), num(probability), num(threshold))));
        return new Filtered(
                withReasons(validation, RecommendedAction.SKIP, 0.0, false, reasons),
                score(MlScore.State.BELOW_THRESHOLD, probability, m));
    }

    /** The features, computed only when a model needs them. */
    @FunctionalInterface
    public interface FeatureSupplier {
        double[] features();
    }

    private static MlScore score(MlScore.State state, double probability, MlModel model) {
        return new MlScore(state, OptionalDouble.of(probability), model.version());
    }

    private static SignalValidation withReasons(
            SignalValidation v,
            RecommendedAction action,
            double sizeMultiplier,
            boolean tradeable,
            List<Reason> reasons) {
        return v.decidedAgain(action, sizeMultiplier, tradeable, reasons);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
