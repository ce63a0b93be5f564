package dev.peregrine.execution.domain;

import dev.peregrine.common.event.Reason;
import java.util.Objects;

/** The verdict of the safety checks: a refusal is a value with a reason, never an exception. */
public sealed interface SafetyDecision {

    Approved APPROVED = new Approved();

    record Approved() implements SafetyDecision {}

    record Denied(Reason reason) implements SafetyDecision {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
