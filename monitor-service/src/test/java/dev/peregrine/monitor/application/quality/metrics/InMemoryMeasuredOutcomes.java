package dev.peregrine.monitor.application.quality.metrics;

import dev.peregrine.monitor.application.quality.MeasuredOutcomes;
import dev.peregrine.monitor.application.quality.OutcomeQuery;
import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Measured outcomes per horizon, filtered as the JDBC adapter filters them. */
final class InMemoryMeasuredOutcomes implements MeasuredOutcomes {

    private final Map<Duration, List<MeasuredOutcome>> byHorizon = new HashMap<>();

    void add(Duration horizon, MeasuredOutcome outcome) {
        byHorizon.computeIfAbsent(horizon, h -> new ArrayList<>()).add(outcome);
    }

    @Override
    public List<MeasuredOutcome> find(OutcomeQuery query) {
        return query.filter().apply(byHorizon.getOrDefault(query.horizon(), List.of()));
    }

    @Override
    public Set<String> strategies(Duration horizon) {
        Set<String> strategies = new TreeSet<>();
        byHorizon.getOrDefault(horizon, List.of()).forEach(o -> strategies.add(o.strategy()));
        return strategies;
    }
}
