package dev.peregrine.signal.application;

import dev.peregrine.signal.application.port.in.ManageModels;
import dev.peregrine.signal.application.port.out.ModelArtefactReader;
import dev.peregrine.signal.application.port.out.ModelStore;
import dev.peregrine.signal.domain.ml.MlFeatures;
import dev.peregrine.signal.domain.ml.MlModel;
import dev.peregrine.signal.domain.ml.ModelCatalogue;
import dev.peregrine.signal.domain.ml.ModelEntry;
import dev.peregrine.signal.domain.ml.ModelStatus;
import dev.peregrine.signal.domain.ml.RegistryRefusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ML model registry: a candidate is checked (its artefact parses, it takes this service's feature schema) before
 * it is stored; promotions and rollbacks follow {@link ModelCatalogue}'s rules, are stored with their audit entry, and
 * then the {@link ActiveModel} is reloaded, so the next candle is scored by the new model. Changes are serialised
 * (they are rare); the database's one-active-model index guards against another replica's simultaneous change.
 */
public final class ManageModelsService implements ManageModels {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final ModelStore store;
    private final ModelArtefactReader reader;
    private final ActiveModel activeModel;
    private final Clock clock;

    public ManageModelsService(ModelStore store, ModelArtefactReader reader, ActiveModel activeModel, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.activeModel = Objects.requireNonNull(activeModel, "activeModel");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized ModelEntry upload(Upload upload, String uploadedBy) {
        Objects.requireNonNull(upload, "upload");
        if (upload.version() == null || !VERSION.matcher(upload.version()).matches()) {
            throw new IllegalArgumentException("version must be 1-64 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit: " + upload.version());
        }
        if (!MlFeatures.SCHEMA_VERSION.equals(upload.featureSchema())) {
            throw new IllegalArgumentException("featureSchema '" + upload.featureSchema() + "' is not this service's "
                    + MlFeatures.SCHEMA_VERSION + ": retrain the model with the trainer of this version");
        }
        try {
            MlModel.requireSchema(reader.read(upload.artefact()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("artefact refused: " + e.getMessage(), e);
        }
        ModelEntry candidate = new ModelEntry(
                upload.version(),
                upload.kind(),
                upload.trainedFrom(),
                upload.trainedTo(),
                upload.featureSchema(),
                upload.metrics(),
                ModelStatus.CANDIDATE,
                clock.instant(),
                uploadedBy,
                null,
                null);
        if (!store.insert(candidate, upload.artefact(), "uploaded")) {
            throw new RegistryRefusal(
                    "a model with version " + upload.version() + " exists already: give the candidate a new version");
        }
        return candidate;
    }

    @Override
    public List<ModelEntry> list() {
        return store.loadAll();
    }

    @Override
    public Optional<String> inUse() {
        return activeModel.active().map(MlModel::version);
    }

    @Override
    public synchronized ModelEntry promote(String version, String changedBy, String reason) {
        Instant now = clock.instant();
        return apply(new ModelCatalogue(store.loadAll()).promote(version, now), "PROMOTE", changedBy, reason, now);
    }

    @Override
    public synchronized ModelEntry rollback(String changedBy, String reason) {
        Instant now = clock.instant();
        return apply(new ModelCatalogue(store.loadAll()).rollback(now), "ROLLBACK", changedBy, reason, now);
    }

    private ModelEntry apply(
            ModelCatalogue.Transition transition, String action, String changedBy, String reason, Instant now) {
        if (!store.apply(transition, action, changedBy, reason, now)) {
            activeModel.refresh();
            throw new RegistryRefusal("the registry changed while " + action.toLowerCase(java.util.Locale.ROOT)
                    + " was applied (another " + "replica's change): list the models and try again");
        }
        activeModel.refresh();
        return transition.activated();
    }
}
