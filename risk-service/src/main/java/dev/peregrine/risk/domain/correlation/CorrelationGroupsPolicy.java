package dev.peregrine.risk.domain.correlation;

import dev.peregrine.common.value.Symbol;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How correlation groups are formed, checked once at configuration time so that the daily computation cannot fail
 * on a bad setting.
 *
 * @param lookbackDays     number of daily returns the correlation looks back over (2..366); needs that many + 1 closes
 * @param minCommonReturns fewest returns two symbols must share for their correlation to count (3..lookbackDays);
 *                         below it the pair is unknown, not correlated
 * @param threshold        correlation at or above which two symbols are linked, within (0, 1]
 * @param configuredGroups group name to members; they override the data. Names must not start with
 *                         {@value #COMPUTED_PREFIX}, which computed groups use, and a symbol may be in one group only
 */
public record CorrelationGroupsPolicy(
        int lookbackDays,
        int minCommonReturns,
        double threshold,
        SortedMap<String, SortedSet<Symbol>> configuredGroups) {

    /** Prefix of the names of computed groups, followed by their alphabetically first symbol. */
    public static final String COMPUTED_PREFIX = "corr-";

    static final int MAX_LOOKBACK_DAYS = 366;
    static final int MIN_COMMON_RETURNS = 3;

    public CorrelationGroupsPolicy {
        if (lookbackDays < 2 || lookbackDays > MAX_LOOKBACK_DAYS) {
            throw new IllegalArgumentException(
                    "lookbackDays must be within [2, " + MAX_LOOKBACK_DAYS + "]: " + lookbackDays);
        }
        if (minCommonReturns < MIN_COMMON_RETURNS) {
            throw new IllegalArgumentException("minCommonReturns must be at least " + MIN_COMMON_RETURNS
                    + " (two returns always correlate perfectly): " + minCommonReturns);
        }
        if (minCommonReturns > lookbackDays) {
            throw new IllegalArgumentException("minCommonReturns (" + minCommonReturns
                    + ") must not exceed lookbackDays (" + lookbackDays + "): no pair could ever have enough returns");
        }
        if (!Double.isFinite(threshold) || threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be within (0, 1]: " + threshold);
        }
        configuredGroups = copyOf(configuredGroups);
    }

    /** Convenience for configuration that arrives as plain maps and sets. */
    public static CorrelationGroupsPolicy of(
            int lookbackDays,
            int minCommonReturns,
            double threshold,
            Map<String, ? extends Set<Symbol>> configuredGroups) {
        Objects.requireNonNull(configuredGroups, "configuredGroups must not be null (use an empty map)");
        SortedMap<String, SortedSet<Symbol>> sorted = new TreeMap<>();
        configuredGroups.forEach((name, members) -> sorted.put(name, members == null ? null : new TreeSet<>(members)));
        return new CorrelationGroupsPolicy(lookbackDays, minCommonReturns, threshold, sorted);
    }

    /** 30 daily returns, at least 10 shared, linked at 0.7, nothing configured. */
    public static CorrelationGroupsPolicy defaults() {
        return new CorrelationGroupsPolicy(30, 10, 0.7, new TreeMap<>());
    }

    /** The configured group of a symbol, if it has one. */
    public Optional<String> configuredGroupOf(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        return configuredGroups.entrySet().stream()
                .filter(group -> group.getValue().contains(symbol))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static SortedMap<String, SortedSet<Symbol>> copyOf(SortedMap<String, SortedSet<Symbol>> groups) {
        Objects.requireNonNull(groups, "configuredGroups must not be null (use an empty map)");
        Map<Symbol, String> groupOfSymbol = new HashMap<>();
        SortedMap<String, SortedSet<Symbol>> copy = new TreeMap<>();
        for (Map.Entry<String, SortedSet<Symbol>> group : groups.entrySet()) {
            String name = group.getKey();
            if (name == null || name.isBlank() || !name.equals(name.strip())) {
                throw new IllegalArgumentException(
                        "configured group names must be non-blank without surrounding spaces: '" + name + "'");
            }
            if (name.startsWith(COMPUTED_PREFIX)) {
                throw new IllegalArgumentException("configured group name '" + name + "' must not start with '"
                        + COMPUTED_PREFIX + "', which names computed groups");
            }
            SortedSet<Symbol> members = group.getValue();
            if (members == null || members.isEmpty()) {
                throw new IllegalArgumentException("configured group '" + name + "' must have at least one symbol");
            }
            for (Symbol member : members) {
                Objects.requireNonNull(member, () -> "configured group '" + name + "' has a null symbol");
                String previous = groupOfSymbol.putIfAbsent(member, name);
                if (previous != null) {
                    throw new IllegalArgumentException(
                            "symbol " + member + " is configured in two groups: '" + previous + "' and '" + name + "'");
                }
            }
            copy.put(name, Collections.unmodifiableSortedSet(new TreeSet<>(members)));
        }
        return Collections.unmodifiableSortedMap(copy);
    }
}
