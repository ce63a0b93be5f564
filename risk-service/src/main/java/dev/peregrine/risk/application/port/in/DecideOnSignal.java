package dev.peregrine.risk.application.port.in;

import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.risk.domain.RecordedDecision;

/**
 * Decides on a validated signal, records the decision and announces it (and, for an approval, the order
 * intent). Idempotent: a signal seen before gets its recorded decision announced again, unchanged.
 */
public interface DecideOnSignal {

    RecordedDecision decide(SignalValidated signal);
}
