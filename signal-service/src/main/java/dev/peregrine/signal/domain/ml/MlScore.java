package dev.peregrine.signal.domain.ml;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the ML filter made of one validation.
 *
 * @param state        NO_MODEL (no active model: probability absent, nothing changed), PASSED (probability at or
 *                     above the threshold), BELOW_THRESHOLD (the validation became SKIP)
 * @param probability  the model's probability, absent exactly when there was no model
 * @param modelVersion the model's registry version, null exactly when there was no model
 */
public record MlScore(State state, OptionalDouble probability, String modelVersion) {

    public enum State {
        NO_MODEL,
        PASSED,
        BELOW_THRESHOLD
    }

    public static final MlScore NO_MODEL = new MlScore(State.NO_MODEL, OptionalDouble.empty(), null);

    public MlScore {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(probability, "probability");
        if ((state == State.NO_MODEL) != probability.isEmpty() || (state == State.NO_MODEL) != (modelVersion == null)) {
            throw new IllegalArgumentException(
                    "a probability and its model version are present exactly when a model was: " + state + " "
                            + probability + " " + modelVersion);
        }
    }

    /** The probability as the contract carries it: null without a model. */
    public Double probabilityOrNull() {
        return probability.isPresent() ? probability.getAsDouble() : null;
    }
}
