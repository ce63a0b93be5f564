package dev.peregrine.signal.domain.consensus;

/**
 * Tuning of {@link Consensus}.
 *
 * @param minAgreeing        analysts (with a weight above 0, not paused) that must be on the leading side for the
 *                           consensus to have a direction; fewer and it is NEUTRAL
 * @param conflictThreshold  0-1: when the bull score and the bear score both reach it, the panel is in conflict
 * @param maxConflictPenalty 0-1: the penalty of a dead-even conflict; a conflict's penalty is this times
 *                           minority score / majority score
 */
public record ConsensusConfig(int minAgreeing, double conflictThreshold, double maxConflictPenalty) {

    public static final int DEFAULT_MIN_AGREEING = 2;
    public static final double DEFAULT_CONFLICT_THRESHOLD = 0.25;
    public static final double DEFAULT_MAX_CONFLICT_PENALTY = 0.5;

    public ConsensusConfig {
        if (minAgreeing < 1) {
            throw new IllegalArgumentException("minAgreeing must be at least 1 analyst: " + minAgreeing);
        }
        if (!(conflictThreshold > 0.0 && conflictThreshold <= 1.0)) {
            throw new IllegalArgumentException("conflictThreshold must be within (0, 1]: " + conflictThreshold);
        }
        if (!(maxConflictPenalty >= 0.0 && maxConflictPenalty <= 1.0)) {
            throw new IllegalArgumentException("maxConflictPenalty must be within [0, 1]: " + maxConflictPenalty);
        }
    }

    /** 2 agreeing analysts, conflict when both sides score 0.25 or more, penalty up to 0.5. */
    public static ConsensusConfig defaults() {
        return new ConsensusConfig(DEFAULT_MIN_AGREEING, DEFAULT_CONFLICT_THRESHOLD, DEFAULT_MAX_CONFLICT_PENALTY);
    }

    public ConsensusConfig withMinAgreeing(int analysts) {
        return new ConsensusConfig(analysts, conflictThreshold, maxConflictPenalty);
    }
}
