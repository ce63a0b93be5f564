package dev.peregrine.risk.domain.correlation;

import dev.peregrine.common.value.Symbol;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Symbols whose holdings count together against the correlation-group limit.
 *
 * @param name       the configured name, or {@code corr-} and the alphabetically first member for a computed group
 * @param members    the symbols, sorted, at least one
 * @param configured whether the group comes from configuration rather than from the data
 * @param links      for a computed group, the measured correlations at or above the threshold that joined its members
 *                   (sorted); empty for configured groups and singletons
 */
public record CorrelationGroup(
        String name, SortedSet<Symbol> members, boolean configured, List<PairCorrelation> links) {

    public CorrelationGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(links, "links");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("group '" + name + "' must have at least one member");
        }
        members = Collections.unmodifiableSortedSet(new TreeSet<>(members));
        links = List.copyOf(links);
    }

    /** The group of a symbol linked to nothing. */
    static CorrelationGroup singleton(Symbol symbol) {
        return new CorrelationGroup(
                CorrelationGroupsPolicy.COMPUTED_PREFIX + symbol.value(),
                new TreeSet<>(List.of(symbol)),
                false,
                List.of());
    }

    public boolean contains(Symbol symbol) {
        return members.contains(symbol);
    }
}
