package dev.peregrine.monitor.domain.quality;

import dev.peregrine.common.event.Grade;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Groups outcomes by one dimension (strategy, grade, symbol, regime) so that a statistic can be computed per group.
 * Each group keeps the outcomes in time order; the maps iterate in key order, so reports are stable.
 */
public final class OutcomeSlices {

    static final Comparator<MeasuredOutcome> BY_TIME = Comparator.comparing(MeasuredOutcome::time);

    private OutcomeSlices() {}

    public static Map<String, List<MeasuredOutcome>> byStrategy(Collection<MeasuredOutcome> outcomes) {
        return group(outcomes, MeasuredOutcome::strategy, TreeMap::new);
    }

    public static Map<String, List<MeasuredOutcome>> bySymbol(Collection<MeasuredOutcome> outcomes) {
        return group(outcomes, MeasuredOutcome::symbol, TreeMap::new);
    }

    public static Map<String, List<MeasuredOutcome>> byRegime(Collection<MeasuredOutcome> outcomes) {
        return group(outcomes, MeasuredOutcome::regime, TreeMap::new);
    }

    public static Map<Grade, List<MeasuredOutcome>> byGrade(Collection<MeasuredOutcome> outcomes) {
        return group(outcomes, MeasuredOutcome::grade, () -> new EnumMap<>(Grade.class));
    }

    /** Any other grouping, e.g. by strategy and grade together, or by UTC day. */
    public static <K> Map<K, List<MeasuredOutcome>> group(
            Collection<MeasuredOutcome> outcomes,
            Function<MeasuredOutcome, K> key,
            Supplier<Map<K, List<MeasuredOutcome>>> mapFactory) {
        Map<K, List<MeasuredOutcome>> groups = outcomes.stream()
                .sorted(BY_TIME)
                .collect(Collectors.groupingBy(key, mapFactory, Collectors.toUnmodifiableList()));
        return java.util.Collections.unmodifiableMap(groups);
    }

    static double[] netReturns(List<MeasuredOutcome> outcomes) {
        return outcomes.stream().mapToDouble(MeasuredOutcome::netReturn).toArray();
    }
}
