package dev.peregrine.signal.domain.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The registry's rules: one active model, promote retires the active one, rollback returns to it or is refused. */
class ModelCatalogueTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    static ModelEntry candidate(String version) {
        return new ModelEntry(
                version,
                "xgboost-binary-logistic",
                Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:00Z"),
                MlFeatures.SCHEMA_VERSION,
                "{}",
                ModelStatus.CANDIDATE,
                T0,
                "alice",
                null,
                null);
    }

    /** Applies a transition as the store does. */
    private static ModelCatalogue applied(ModelCatalogue catalogue, ModelCatalogue.Transition t) {
        List<ModelEntry> next = new ArrayList<>();
        for (ModelEntry e : catalogue.entries()) {
            if (e.version().equals(t.activated().version())) {
                next.add(t.activated());
            } else if (t.retired().isPresent()
                    && e.version().equals(t.retired().get().version())) {
                next.add(t.retired().get());
            } else {
                next.add(e);
            }
        }
        return new ModelCatalogue(next);
    }

    @Test
    void promotingTheFirstModelMakesItActiveWithNothingToReturnTo() {
        ModelCatalogue catalogue = new ModelCatalogue(List.of(candidate("a"), candidate("b")));

        ModelCatalogue.Transition t = catalogue.promote("a", T0.plusSeconds(60));

        assertThat(t.activated().status()).isEqualTo(ModelStatus.ACTIVE);
        assertThat(t.activated().promotedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(t.activated().previousVersion()).isNull();
        assertThat(t.retired()).isEmpty();
        assertThat(applied(catalogue, t).active())
                .get()
                .extracting(ModelEntry::version)
                .isEqualTo("a");
    }

    @Test
    void promotingAnotherRetiresTheActiveOneSoOnlyOneIsActive() {
        ModelCatalogue catalogue = new ModelCatalogue(List.of(candidate("a"), candidate("b")));
        catalogue = applied(catalogue, catalogue.promote("a", T0));

        ModelCatalogue.Transition t = catalogue.promote("b", T0.plusSeconds(1));
        ModelCatalogue after = applied(catalogue, t);

        assertThat(t.retired())
                .get()
                .extracting(ModelEntry::version, ModelEntry::status)
                .containsExactly("a", ModelStatus.RETIRED);
        assertThat(t.activated().previousVersion()).isEqualTo("a");
        assertThat(after.entries())
                .filteredOn(e -> e.status() == ModelStatus.ACTIVE)
                .extracting(ModelEntry::version)
                .containsExactly("b");
    }

    @Test
    void rollbackReturnsToThePreviouslyActiveModelStepByStep() {
        ModelCatalogue catalogue = new ModelCatalogue(List.of(candidate("a"), candidate("b"), candidate("c")));
        catalogue = applied(catalogue, catalogue.promote("a", T0));
        catalogue = applied(catalogue, catalogue.promote("b", T0.plusSeconds(1)));
        catalogue = applied(catalogue, catalogue.promote("c", T0.plusSeconds(2)));

        ModelCatalogue.Transition first = catalogue.rollback(T0.plusSeconds(3));
        catalogue = applied(catalogue, first);
        assertThat(first.activated().version()).isEqualTo("b");
        assertThat(first.retired()).get().extracting(ModelEntry::version).isEqualTo("c");

        ModelCatalogue.Transition second = catalogue.rollback(T0.plusSeconds(4));
        catalogue = applied(catalogue, second);
        assertThat(catalogue.active()).get().extracting(ModelEntry::version).isEqualTo("a");

        ModelCatalogue last = catalogue;
        assertThatThrownBy(() -> last.rollback(T0.plusSeconds(5)))
                .isInstanceOf(RegistryRefusal.class)
                .hasMessageContaining("no previous model to roll back to");
    }

    @Test
    void rollbackWithNoActiveModelIsAClearRefusal() {
        ModelCatalogue catalogue = new ModelCatalogue(List.of(candidate("a")));

        assertThatThrownBy(() -> catalogue.rollback(T0))
                .isInstanceOf(RegistryRefusal.class)
                .hasMessage("no model is active: there is nothing to roll back (promote a version instead)");
    }

    @Test
    void promotingTheActiveOneOrAnUnknownVersionIsRefused() {
        ModelCatalogue catalogue = new ModelCatalogue(List.of(candidate("a")));
        ModelCatalogue active = applied(catalogue, catalogue.promote("a", T0));

        assertThatThrownBy(() -> active.promote("a", T0))
                .isInstanceOf(RegistryRefusal.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> active.promote("zz", T0))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("zz");
    }

    @Test
    void twoActiveModelsAreNeverAValidRegistry() {
        ModelEntry a = candidate("a");
        ModelEntry b = candidate("b");
        List<ModelEntry> both = List.of(a.activated(T0, null), b.activated(T0, "a"));

        assertThatThrownBy(() -> new ModelCatalogue(both))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than one active model");
    }
}
