package dev.peregrine.monitor.application.health;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the monitor decided about a strategy, recorded before it is announced: a pause (the rule found it degraded),
 * or a resume (it recovered and resuming by itself is switched on).
 *
 * @param evidence the rule's numbers in one line, carried into the pause reason and the alert
 */
public record HealthDecision(UUID decisionId, String strategyId, Action action, String evidence, Instant at) {

    public enum Action {
        PAUSE,
        RESUME
    }

    public HealthDecision {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(at, "at");
    }
}
