package dev.peregrine.monitor.application.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where each strategy's rule state, the outcomes it has judged and its decisions are kept. */
public interface StrategyHealthStore {

    Optional<StrategyHealth> find(String strategyId);

    /**
     * In one transaction: marks the outcome judged, stores the strategy's new state and the decision, if any.
     *
     * @return false, storing nothing, when this outcome was judged before
     */
    boolean record(String outcomeKey, StrategyHealth health, Optional<HealthDecision> decision);

    /** Decisions stored but not yet announced, oldest first. */
    List<HealthDecision> unannounced();

    void markAnnounced(UUID decisionId, Instant at);

    List<StrategyHealth> all();
}
