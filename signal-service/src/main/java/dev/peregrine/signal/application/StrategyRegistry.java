package dev.peregrine.signal.application;

import dev.peregrine.signal.domain.AnalystStatus;
import dev.peregrine.signal.domain.Strategy;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strategies' current states in memory, loaded from the store on start-up and updated on every
 * change, so that evaluating a candle never reads the database. First version: it assumes one
 * signal-service instance applies changes; another instance would only see them after a restart.
 */
public final class StrategyRegistry {

    private final Map<String, Strategy> strategies = new ConcurrentHashMap<>();

    public StrategyRegistry(Collection<Strategy> initial) {
        initial.forEach(this::put);
    }

    public Optional<Strategy> find(String strategyId) {
        return Optional.ofNullable(strategies.get(strategyId));
    }

    /**
     * Whether signals of this strategy must not be traded. A strategy missing from the registry counts as
     * paused: without a recorded decision to trade it, it must not be traded.
     */
    public boolean isPaused(String strategyId) {
        Strategy strategy = strategies.get(strategyId);
        return strategy == null || strategy.paused();
    }

    /**
     * The registry's view of a strategy for the analyst panel: its runtime weight and whether it is paused;
     * {@link AnalystStatus#UNREGISTERED} (weight 0, paused) for an id the registry does not hold.
     */
    public AnalystStatus status(String strategyId) {
        Strategy strategy = strategies.get(strategyId);
        return strategy == null
                ? AnalystStatus.UNREGISTERED
                : new AnalystStatus(strategy.weight().doubleValue(), strategy.paused());
    }

    public List<Strategy> all() {
        return strategies.values().stream()
                .sorted(Comparator.comparing(Strategy::id))
                .toList();
    }

    public int pausedCount() {
        return (int) strategies.values().stream().filter(Strategy::paused).count();
    }

    void put(Strategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        strategies.put(strategy.id(), strategy);
    }
}
