package dev.peregrine.signal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.signal.application.port.in.ManageModels;
import dev.peregrine.signal.application.port.out.ModelStore;
import dev.peregrine.signal.domain.ml.MlFeatures;
import dev.peregrine.signal.domain.ml.MlModel;
import dev.peregrine.signal.domain.ml.ModelCatalogue;
import dev.peregrine.signal.domain.ml.ModelEntry;
import dev.peregrine.signal.domain.ml.ModelStatus;
import dev.peregrine.signal.domain.ml.RegistryRefusal;
import dev.peregrine.signal.domain.ml.TestModels;
import dev.peregrine.signal.domain.ml.TreeEnsemble;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The registry use cases over an in-memory store: upload checks, promote and rollback move the model in use at once,
 * only one model is ever active, and every change is audited with who and why.
 */
class ManageModelsServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    /** The artefact text is the stump's leaf value, so each version scores differently. */
    private final ModelStore store = new InMemoryStore();

    private final Fakes.Metrics metrics = new Fakes.Metrics();
    private final List<String> gauge = metrics.activeModels;
    private final ActiveModel active = new ActiveModel(store, ManageModelsServiceTest::read, metrics);
    private final ManageModelsService service =
            new ManageModelsService(store, ManageModelsServiceTest::read, active, Clock.fixed(NOW, ZoneOffset.UTC));

    private static TreeEnsemble read(String artefact) {
        if (artefact.startsWith("bad")) {
            throw new IllegalArgumentException("the artefact is not JSON");
        }
        return TestModels.stump("x", 0.5f, Float.parseFloat(artefact)).ensemble();
    }

    private static ManageModels.Upload upload(String version, String artefact) {
        return new ManageModels.Upload(
                version,
                "xgboost-binary-logistic",
                Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:00Z"),
                MlFeatures.SCHEMA_VERSION,
                "{\"auc\": 0.55}",
                artefact);
    }

    @Test
    void anUploadedCandidateIsNotUsedUntilPromoted() {
        ModelEntry entry = service.upload(upload("m1", "1.0"), "alice");

        assertThat(entry.status()).isEqualTo(ModelStatus.CANDIDATE);
        assertThat(entry.createdAt()).isEqualTo(NOW);
        assertThat(active.active()).isEmpty();
        assertThat(service.inUse()).isEmpty();
        assertThat(gauge).allMatch(java.util.Objects::isNull);
    }

    @Test
    void promoteThenRollbackSwitchTheModelInUseAndAreAudited() {
        service.upload(upload("m1", "1.0"), "alice");
        service.upload(upload("m2", "2.0"), "alice");

        service.promote("m1", "bob", "first model");
        assertThat(active.active()).get().extracting(MlModel::version).isEqualTo("m1");
        service.promote("m2", "bob", "better AUC");
        assertThat(active.active()).get().extracting(MlModel::version).isEqualTo("m2");
        assertThat(store.loadAll())
                .filteredOn(e -> e.status() == ModelStatus.ACTIVE)
                .hasSize(1);

        ModelEntry restored = service.rollback("carol", "m2 skips too much");

        assertThat(restored.version()).isEqualTo("m1");
        assertThat(active.active()).get().extracting(MlModel::version).isEqualTo("m1");
        assertThat(store.loadAll())
                .extracting(ModelEntry::version, ModelEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("m1", ModelStatus.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple("m2", ModelStatus.RETIRED));
        assertThat(((InMemoryStore) store).audit)
                .containsExactly(
                        "UPLOAD m1 alice uploaded",
                        "UPLOAD m2 alice uploaded",
                        "PROMOTE m1 bob first model",
                        "PROMOTE m2 bob better AUC",
                        "ROLLBACK m1 carol m2 skips too much");
        assertThat(gauge).endsWith("m1", "m2", "m1");
    }

    @Test
    void rollbackWithNothingToRollBackIsRefused() {
        service.upload(upload("m1", "1.0"), "alice");
        assertThatThrownBy(() -> service.rollback("bob", "why not"))
                .isInstanceOf(RegistryRefusal.class)
                .hasMessageContaining("no model is active");
        service.promote("m1", "bob", "first");
        assertThatThrownBy(() -> service.rollback("bob", "why not"))
                .isInstanceOf(RegistryRefusal.class)
                .hasMessageContaining("no previous model to roll back to");
        assertThat(active.active()).get().extracting(MlModel::version).isEqualTo("m1");
    }

    @Test
    void anArtefactThatDoesNotParseOrAnotherSchemaIsRefusedWithTheFix() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> service.upload(upload("m1", "bad"), "alice"))
                .withMessage("artefact refused: the artefact is not JSON");
        ManageModels.Upload otherSchema = new ManageModels.Upload(
                "m1",
                "xgboost",
                Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:00Z"),
                "signal-features-v0",
                "{}",
                "1.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> service.upload(otherSchema, "alice"))
                .withMessageContaining("signal-features-v0")
                .withMessageContaining("retrain");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> service.upload(upload("bad version!", "1.0"), "alice"))
                .withMessageContaining("version must be");
        service.upload(upload("m1", "1.0"), "alice");
        assertThatThrownBy(() -> service.upload(upload("m1", "1.0"), "alice"))
                .isInstanceOf(RegistryRefusal.class)
                .hasMessageContaining("exists already");
        assertThat(store.loadAll()).hasSize(1);
    }

    @Test
    void aReplicaPicksUpAnotherReplicasPromotionWhenItRefreshes() {
        service.upload(upload("m1", "1.0"), "alice");
        ActiveModel otherReplica = new ActiveModel(store, ManageModelsServiceTest::read, metrics);
        assertThat(otherReplica.active()).isEmpty();

        service.promote("m1", "bob", "first");
        otherReplica.refresh();

        assertThat(otherReplica.active()).get().extracting(MlModel::version).isEqualTo("m1");
    }

    /** The store's contract in memory: conditional transitions, one active model, an audit line per change. */
    static final class InMemoryStore implements ModelStore {

        final Map<String, ModelEntry> entries = new LinkedHashMap<>();
        final Map<String, String> artefacts = new LinkedHashMap<>();
        final List<String> audit = new ArrayList<>();

        @Override
        public List<ModelEntry> loadAll() {
            return List.copyOf(entries.values());
        }

        @Override
        public Optional<ModelEntry> active() {
            return entries.values().stream()
                    .filter(e -> e.status() == ModelStatus.ACTIVE)
                    .findFirst();
        }

        @Override
        public Optional<String> artefact(String version) {
            return Optional.ofNullable(artefacts.get(version));
        }

        @Override
        public boolean insert(ModelEntry candidate, String artefact, String reason) {
            if (entries.putIfAbsent(candidate.version(), candidate) != null) {
                return false;
            }
            artefacts.put(candidate.version(), artefact);
            audit.add("UPLOAD " + candidate.version() + " " + candidate.createdBy() + " " + reason);
            return true;
        }

        @Override
        public boolean apply(ModelCatalogue.Transition t, String action, String changedBy, String reason, Instant at) {
            if (t.retired().isPresent()
                    ? active().filter(a -> a.version().equals(t.retired().get().version()))
                            .isEmpty()
                    : active().isPresent()) {
                return false;
            }
            t.retired().ifPresent(r -> entries.put(r.version(), r));
            entries.put(t.activated().version(), t.activated());
            audit.add(action + " " + t.activated().version() + " " + changedBy + " " + reason);
            return true;
        }
    }
}
