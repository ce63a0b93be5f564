package dev.peregrine.monitor.application.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The store's semantics in memory: an outcome key judged once; decisions unannounced until marked. */
final class InMemoryStrategyHealthStore implements StrategyHealthStore {

    private final Map<String, StrategyHealth> health = new TreeMap<>();
    private final Set<String> judged = new HashSet<>();
    final Map<UUID, HealthDecision> decisions = new LinkedHashMap<>();
    private final Set<UUID> announced = new HashSet<>();

    @Override
    public Optional<StrategyHealth> find(String strategyId) {
        return Optional.ofNullable(health.get(strategyId));
    }

    @Override
    public boolean record(String outcomeKey, StrategyHealth value, Optional<HealthDecision> decision) {
        if (!judged.add(outcomeKey)) {
            return false;
        }
        health.put(value.strategyId(), value);
        decision.ifPresent(d -> decisions.putIfAbsent(d.decisionId(), d));
        return true;
    }

    @Override
    public List<HealthDecision> unannounced() {
        return decisions.values().stream()
                .filter(d -> !announced.contains(d.decisionId()))
                .toList();
    }

    @Override
    public void markAnnounced(UUID decisionId, Instant at) {
        announced.add(decisionId);
    }

    @Override
    public List<StrategyHealth> all() {
        return new ArrayList<>(health.values());
    }
}
