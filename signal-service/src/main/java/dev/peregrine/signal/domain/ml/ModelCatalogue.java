package dev.peregrine.signal.domain.ml;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's rules over its models: at most one is ACTIVE; promoting a model retires the active one and remembers
 * it, so a rollback returns to it (and a second rollback to the one before, and so on); a rollback with nothing to
 * return to is refused, never a silent "no model".
 */
public record ModelCatalogue(List<ModelEntry> entries) {

    public ModelCatalogue {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        if (entries.stream().filter(e -> e.status() == ModelStatus.ACTIVE).count() > 1) {
            throw new IllegalStateException("more than one active model: " + entries);
        }
    }

    /** The change of one promotion or rollback: the model that becomes active and the one it replaces, if any. */
    public record Transition(ModelEntry activated, Optional<ModelEntry> retired) {

        public Transition {
            Objects.requireNonNull(activated, "activated");
            Objects.requireNonNull(retired, "retired");
        }
    }

    public Optional<ModelEntry> active() {
        return entries.stream().filter(e -> e.status() == ModelStatus.ACTIVE).findFirst();
    }

    public Optional<ModelEntry> find(String version) {
        return entries.stream().filter(e -> e.version().equals(version)).findFirst();
    }

    /**
     * @throws NoSuchElementException when no model has this version
     * @throws RegistryRefusal        when it is the active one already
     */
    public Transition promote(String version, Instant now) {
        ModelEntry target =
                find(version).orElseThrow(() -> new NoSuchElementException("no model with version '" + version + "'"));
        Optional<ModelEntry> current = active();
        if (target.status() == ModelStatus.ACTIVE) {
            throw new RegistryRefusal("model " + version + " is already the active model");
        }
        return new Transition(
                target.activated(now, current.map(ModelEntry::version).orElse(null)), current.map(ModelEntry::retired));
    }

    /**
     * Retires the active model and makes the one it replaced active again.
     *
     * @throws RegistryRefusal when no model is active, or the active one replaced none
     */
    public Transition rollback(Instant now) {
        ModelEntry current = active().orElseThrow(() ->
                new RegistryRefusal("no model is active: there is nothing to roll back (promote a version instead)"));
        if (current.previousVersion() == null) {
            throw new RegistryRefusal(
                    "model " + current.version() + " was promoted when no model was active: there is no "
                            + "previous model to roll back to (promote another version instead)");
        }
        ModelEntry previous = find(current.previousVersion())
                .orElseThrow(() -> new IllegalStateException("model " + current.version() + " names a previous model "
                        + current.previousVersion() + " the registry lacks"));
        return new Transition(previous.activated(now, previous.previousVersion()), Optional.of(current.retired()));
    }
}
