package dev.peregrine.signal.application;

import dev.peregrine.signal.application.port.out.ModelArtefactReader;
import dev.peregrine.signal.application.port.out.ModelStore;
import dev.peregrine.signal.application.port.out.SignalMetrics;
import dev.peregrine.signal.domain.ml.MlModel;
import dev.peregrine.signal.domain.ml.ModelEntry;
import dev.peregrine.signal.domain.ml.ModelSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model the ML filter scores with: the registry's active model, loaded at start, after each promotion or rollback
 * of this replica and on every {@link #refresh()} (polled, so replicas converge on another replica's change). Reading
 * it is one volatile read per candle.
 */
public final class ActiveModel implements ModelSource {

    private static final Logger log = LoggerFactory.getLogger(ActiveModel.class);

    private final ModelStore store;
    private final ModelArtefactReader reader;
    private final SignalMetrics metrics;
    private final AtomicReference<Optional<MlModel>> current = new AtomicReference<>(Optional.empty());

    public ActiveModel(ModelStore store, ModelArtefactReader reader, SignalMetrics metrics) {
        this.store = Objects.requireNonNull(store, "store");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        refresh();
    }

    @Override
    public Optional<MlModel> active() {
        return current.get();
    }

    /** Loads the registry's active model when it is not the one in use; synchronized so two refreshes never race. */
    public synchronized void refresh() {
        Optional<ModelEntry> entry = store.active();
        Optional<String> inUse = current.get().map(MlModel::version);
        if (entry.map(ModelEntry::version).equals(inUse)) {
            return;
        }
        if (entry.isEmpty()) {
            current.set(Optional.empty());
            log.info("No ML model is active (was {}): signals carry no probability", inUse.orElse("none"));
        } else {
            String version = entry.get().version();
            String artefact = store.artefact(version)
                    .orElseThrow(() ->
                            new IllegalStateException("the registry's active model " + version + " has no artefact"));
            try {
                current.set(Optional.of(new MlModel(version, reader.read(artefact))));
                log.info("ML model {} is active (was {})", version, inUse.orElse("none"));
            } catch (IllegalArgumentException e) {
                // Checked at upload, so only a schema change of the service gets here: keep scoring with what we have.
                log.error(
                        "The registry's active ML model {} cannot be used by this service ({}); still using {}",
                        version,
                        e.getMessage(),
                        inUse.orElse("no model"));
            }
        }
        metrics.activeModel(current.get().map(MlModel::version).orElse(null));
    }
}
