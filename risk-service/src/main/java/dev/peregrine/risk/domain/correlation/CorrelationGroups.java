package dev.peregrine.risk.domain.correlation;

import dev.peregrine.common.value.Symbol;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The correlation groups in force for one UTC day: every symbol is in exactly one group, and a symbol never seen is a
 * group of its own, so the limit check can always ask {@link #groupOf(Symbol)}. Immutable; built by
 * {@link CorrelationGrouper}.
 */
public final class CorrelationGroups {

    private final LocalDate computedFor;
    private final double threshold;
    private final SortedMap<String, CorrelationGroup> byName;
    private final Map<Symbol, CorrelationGroup> bySymbol;

    CorrelationGroups(LocalDate computedFor, double threshold, Collection<CorrelationGroup> groups) {
        this.computedFor = Objects.requireNonNull(computedFor, "computedFor");
        this.threshold = threshold;
        SortedMap<String, CorrelationGroup> names = new TreeMap<>();
        Map<Symbol, CorrelationGroup> symbols = new HashMap<>();
        for (CorrelationGroup group : groups) {
            if (names.putIfAbsent(group.name(), group) != null) {
                throw new IllegalArgumentException("two groups are named '" + group.name() + "'");
            }
            for (Symbol member : group.members()) {
                if (symbols.putIfAbsent(member, group) != null) {
                    throw new IllegalArgumentException("symbol " + member + " is in two groups");
                }
            }
        }
        this.byName = names;
        this.bySymbol = symbols;
    }

    /** The UTC day these groups were computed for. */
    public LocalDate computedFor() {
        return computedFor;
    }

    /** The correlation at or above which symbols were linked. */
    public double threshold() {
        return threshold;
    }

    /** The group of a symbol; a symbol never seen forms a singleton group named {@code corr-} + symbol. */
    public CorrelationGroup groupOf(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        CorrelationGroup group = bySymbol.get(symbol);
        return group != null ? group : CorrelationGroup.singleton(symbol);
    }

    /** A group by name, among the groups of the symbols seen or configured. */
    public Optional<CorrelationGroup> group(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All groups of the symbols seen or configured, singletons included, sorted by name. */
    public List<CorrelationGroup> groups() {
        return List.copyOf(byName.values());
    }

    @Override
    public String toString() {
        return "CorrelationGroups[computedFor=" + computedFor + ", threshold=" + threshold + ", groups="
                + byName.values().stream()
                        .map(g -> g.name() + "=" + g.members())
                        .toList() + "]";
    }
}
