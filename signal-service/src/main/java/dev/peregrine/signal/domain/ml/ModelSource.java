package dev.peregrine.signal.domain.ml;

import java.util.Optional;

/** Where the filter finds the model to use: read on every candle, so a promotion applies from the next one. */
@FunctionalInterface
public interface ModelSource {

    /** No model, ever: the filter records "no model" and changes nothing. */
    ModelSource NONE = Optional::empty;

    Optional<MlModel> active();

    /** Always this model (offline tools, tests). */
    static ModelSource of(MlModel model) {
        Optional<MlModel> fixed = Optional.of(model);
        return () -> fixed;
    }
}
