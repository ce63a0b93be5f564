package dev.peregrine.signal.application.port.in;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.SignalValidated;

import java.util.Optional;

/** Feed a closed candle to the strategies of its series; persist and publish the validated signal, if any. */
public interface EvaluateClosedCandle {

    /**
     * Returns the signal published for this candle, or empty when no strategy fired. The signal is
     * stored before it is published; a redelivered candle re-publishes the same signal (same ids).
     */
    Optional<SignalValidated> evaluate(CandleClosed candle);
}
