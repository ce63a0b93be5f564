package dev.peregrine.monitor.domain.report;

import java.time.Instant;
import java.util.Objects;

/** A pause (or resume) the monitor's degradation rule decided, with its evidence. */
public record PauseDecision(String strategy, String action, String evidence, Instant decidedAt) {

    public PauseDecision {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
