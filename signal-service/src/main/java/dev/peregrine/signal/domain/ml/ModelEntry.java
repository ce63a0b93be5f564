package dev.peregrine.signal.domain.ml;

import java.time.Instant;
import java.util.Objects;

/**
 * A model in the registry, without its artefact.
 *
 * @param kind            what the model is, e.g. {@code xgboost-binary-logistic}
 * @param trainedFrom     start of the training window (inclusive); the model has seen no candle outside it
 * @param trainedTo       end of the training window (exclusive)
 * @param featureSchema   the {@link MlFeatures#SCHEMA_VERSION} it was trained on
 * @param metrics         the trainer's figures on its validation slice, as a JSON object
 * @param promotedAt      when it last became active, null if never
 * @param previousVersion the model that was active when this one was last promoted (where a rollback returns to),
 *                        null if none was
 */
public record ModelEntry(
        String version,
        String kind,
        Instant trainedFrom,
        Instant trainedTo,
        String featureSchema,
        String metrics,
        ModelStatus status,
        Instant createdAt,
        String createdBy,
        Instant promotedAt,
        String previousVersion) {

    public ModelEntry {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(trainedFrom, "trainedFrom");
        Objects.requireNonNull(trainedTo, "trainedTo");
        Objects.requireNonNull(featureSchema, "featureSchema");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        if (!trainedFrom.isBefore(trainedTo)) {
            throw new IllegalArgumentException(
                    "the training window must end after it starts: " + trainedFrom + " to " + trainedTo);
        }
    }

    ModelEntry activated(Instant now, String previous) {
        return new ModelEntry(
                version,
                kind,
                trainedFrom,
                trainedTo,
                featureSchema,
                metrics,
                ModelStatus.ACTIVE,
                createdAt,
                createdBy,
                now,
                previous);
    }

    ModelEntry retired() {
        return new ModelEntry(
                version,
                kind,
                trainedFrom,
                trainedTo,
                featureSchema,
                metrics,
                ModelStatus.RETIRED,
                createdAt,
                createdBy,
                promotedAt,
                previousVersion);
    }
}
