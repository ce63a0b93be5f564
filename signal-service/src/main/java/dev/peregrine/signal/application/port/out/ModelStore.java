package dev.peregrine.signal.application.port.out;

import dev.peregrine.signal.domain.ml.ModelCatalogue;
import dev.peregrine.signal.domain.ml.ModelEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The model registry's storage: entries, their artefacts and the audit of every change. */
public interface ModelStore {

    /** Every registered model, oldest first, without artefacts. */
    List<ModelEntry> loadAll();

    /** The active model's entry, if any. */
    Optional<ModelEntry> active();

    /** The artefact (XGBoost JSON) of a version. */
    Optional<String> artefact(String version);

    /**
     * Registers a candidate with its artefact and audits the upload.
     *
     * @return false when the version exists already (nothing written)
     */
    boolean insert(ModelEntry candidate, String artefact, String reason);

    /**
     * Writes a promotion or rollback and its audit entry in one transaction.
     *
     * @return false when the registry changed underneath (another replica's change won): nothing written
     */
    boolean apply(ModelCatalogue.Transition transition, String action, String changedBy, String reason, Instant at);
}
