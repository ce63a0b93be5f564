package dev.peregrine.monitor.application.advice;

import dev.peregrine.monitor.application.advice.port.out.AdviceStore;
import dev.peregrine.monitor.domain.advice.AutoApplySwitch;
import dev.peregrine.monitor.domain.advice.WeightChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link AdviceStore} in memory, rows kept in insertion order like the tables' sequence. */
class InMemoryAdviceStore implements AdviceStore {

    final List<AutoApplySwitch> switches = new ArrayList<>();
    final List<WeightChange> changes = new ArrayList<>();
    final Map<UUID, Instant> announced = new LinkedHashMap<>();

    @Override
    public Optional<AutoApplySwitch> currentSwitch() {
        return switches.isEmpty() ? Optional.empty() : Optional.of(switches.getLast());
    }

    @Override
    public void recordSwitch(AutoApplySwitch change) {
        switches.add(change);
    }

    @Override
    public List<AutoApplySwitch> switches(int limit) {
        return switches.reversed().stream().limit(limit).toList();
    }

    @Override
    public Map<String, Double> lastWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        changes.forEach(change -> weights.put(change.strategyId(), change.weight()));
        return weights;
    }

    @Override
    public void record(List<WeightChange> added) {
        changes.addAll(added);
    }

    @Override
    public List<WeightChange> unannounced() {
        return changes.stream()
                .filter(change -> !announced.containsKey(change.changeId()))
                .toList();
    }

    @Override
    public void markAnnounced(UUID changeId, Instant at) {
        announced.putIfAbsent(changeId, at);
    }

    @Override
    public List<WeightChange> recent(int limit) {
        return changes.reversed().stream().limit(limit).toList();
    }
}
