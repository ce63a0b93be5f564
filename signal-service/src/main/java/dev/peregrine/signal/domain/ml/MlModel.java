package dev.peregrine.signal.domain.ml;

import java.util.Objects;

/**
 * A model the filter can use: its registry version and its tree ensemble, which must take this service's features
 * ({@link MlFeatures}: same count, and the same names when the model names them).
 */
public record MlModel(String version, TreeEnsemble ensemble) {

    public MlModel {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(ensemble, "ensemble");
        if (version.isBlank()) {
            throw new IllegalArgumentException("a model needs a version");
        }
        requireSchema(ensemble);
    }

    /** Refuses an ensemble that does not take {@link MlFeatures}' vector, naming what differs. */
    public static void requireSchema(TreeEnsemble ensemble) {
        if (ensemble.featureCount() != MlFeatures.COUNT) {
            throw new IllegalArgumentException("the model takes " + ensemble.featureCount()
                    + " features, the service's " + MlFeatures.SCHEMA_VERSION + " has " + MlFeatures.COUNT
                    + ": retrain it on " + MlFeatures.SCHEMA_VERSION);
        }
        if (!ensemble.featureNames().isEmpty() && !ensemble.featureNames().equals(MlFeatures.NAMES)) {
            throw new IllegalArgumentException(
                    "the model's feature names " + ensemble.featureNames() + " are not " + MlFeatures.SCHEMA_VERSION
                            + "'s " + MlFeatures.NAMES + ": retrain it on " + MlFeatures.SCHEMA_VERSION);
        }
    }

    public double probability(double[] features) {
        return ensemble.probability(features);
    }
}
