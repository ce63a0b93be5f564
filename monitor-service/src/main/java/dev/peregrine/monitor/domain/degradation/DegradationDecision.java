package dev.peregrine.monitor.domain.degradation;

/**
 * The rule's verdict for one strategy: a value, not an action. The application pauses, alerts and records when
 * {@link #transition()} is {@link CusumState.Transition#DEGRADED}; it resumes only if configured to.
 */
public record DegradationDecision(
        String strategy, Status status, CusumState.Transition transition, DegradationEvidence evidence) {

    public enum Status {
        INSUFFICIENT_SAMPLE,
        HEALTHY,
        DEGRADED
    }

    public boolean justDegraded() {
        return transition == CusumState.Transition.DEGRADED;
    }
}
