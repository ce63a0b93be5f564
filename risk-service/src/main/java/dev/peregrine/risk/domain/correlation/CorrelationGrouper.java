package dev.peregrine.risk.domain.correlation;

import dev.peregrine.common.value.Symbol;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Forms the day's correlation groups: configured groups first, then the remaining symbols linked when their
 * correlation reaches the threshold, a group being a connected component of these links (single linkage, so
 * A~B and B~C group A, B and C even if A and C are not correlated).
 *
 * <p>Configured symbols are taken out before linking: they neither join a computed group nor bridge two symbols
 * into one.
 */
public final class CorrelationGrouper {

    /** Absorbs rounding so that perfectly correlated series reach a threshold of 1. */
    static final double TOLERANCE = 1e-9;

    private CorrelationGrouper() {}

    /**
     * The daily recomputation: correlations over the {@code policy.lookbackDays()} returns ending the day before
     * {@code computedFor}, since that day is not complete yet.
     *
     * @param dailyCloses closes by symbol and UTC day, such as {@link DailyCloses#snapshot()}
     */
    public static CorrelationGroups compute(
            Map<Symbol, ? extends SortedMap<LocalDate, Double>> dailyCloses,
            LocalDate computedFor,
            CorrelationGroupsPolicy policy) {
        Objects.requireNonNull(computedFor, "computedFor");
        Objects.requireNonNull(policy, "policy");
        CorrelationMatrix matrix = CorrelationMatrix.compute(
                dailyCloses, computedFor.minusDays(1), policy.lookbackDays(), policy.minCommonReturns());
        return group(matrix, policy, computedFor);
    }

    /** Groups the symbols of a matrix already computed. */
    public static CorrelationGroups group(
            CorrelationMatrix matrix, CorrelationGroupsPolicy policy, LocalDate computedFor) {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(computedFor, "computedFor");
        List<CorrelationGroup> groups = new ArrayList<>();
        policy.configuredGroups()
                .forEach((name, members) -> groups.add(new CorrelationGroup(name, members, true, List.of())));

        List<Symbol> free = new ArrayList<>();
        for (Symbol symbol : matrix.symbols()) {
            if (policy.configuredGroupOf(symbol).isEmpty()) {
                free.add(symbol);
            }
        }
        Map<Symbol, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < free.size(); i++) {
            indexOf.put(free.get(i), i);
        }
        UnionFind components = new UnionFind(free.size());
        List<PairCorrelation> links = new ArrayList<>();
        for (PairCorrelation pair : matrix.knownPairs()) {
            Integer first = indexOf.get(pair.first());
            Integer second = indexOf.get(pair.second());
            if (first != null && second != null && pair.correlation() >= policy.threshold() - TOLERANCE) {
                components.union(first, second);
                links.add(pair);
            }
        }

        Map<Integer, SortedSet<Symbol>> membersByRoot = new TreeMap<>();
        for (int i = 0; i < free.size(); i++) {
            membersByRoot
                    .computeIfAbsent(components.find(i), root -> new TreeSet<>())
                    .add(free.get(i));
        }
        Map<Integer, List<PairCorrelation>> linksByRoot = new HashMap<>();
        for (PairCorrelation link : links) {
            linksByRoot
                    .computeIfAbsent(components.find(indexOf.get(link.first())), root -> new ArrayList<>())
                    .add(link);
        }
        membersByRoot.forEach((root, members) -> groups.add(new CorrelationGroup(
                CorrelationGroupsPolicy.COMPUTED_PREFIX + members.first().value(),
                members,
                false,
                linksByRoot.getOrDefault(root, List.of()))));
        return new CorrelationGroups(computedFor, policy.threshold(), groups);
    }
}
