package dev.peregrine.signal.application.port.in;

import dev.peregrine.signal.domain.ml.ModelEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The ML model registry for operators: upload a candidate, list, promote, roll back. */
public interface ManageModels {

    /**
     * A candidate as uploaded.
     *
     * @param artefact the model in XGBoost's JSON model format
     * @param metrics  the trainer's figures, a JSON object
     */
    record Upload(
            String version,
            String kind,
            Instant trainedFrom,
            Instant trainedTo,
            String featureSchema,
            String metrics,
            String artefact) {}

    /**
     * @throws IllegalArgumentException when the artefact does not parse or its feature schema is not the service's
     * @throws dev.peregrine.signal.domain.ml.RegistryRefusal when the version exists already
     */
    ModelEntry upload(Upload upload, String uploadedBy);

    List<ModelEntry> list();

    /** The version the service scores with now, if any. */
    Optional<String> inUse();

    ModelEntry promote(String version, String changedBy, String reason);

    ModelEntry rollback(String changedBy, String reason);
}
