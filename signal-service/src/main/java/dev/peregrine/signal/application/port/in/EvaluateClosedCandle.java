package dev.peregrine.signal.application.port.in;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.SignalValidated;
import java.util.List;

/** Feed a closed candle to its series and the analyst panel; persist and publish the validated signals. */
public interface EvaluateClosedCandle {

    /**
     * Returns the signals published for this candle (one per analyst with a directional opinion, in the panel's
     * order), empty when no analyst took a side or the candle was ignored. The candle's debate and signals are
     * stored before they are published, and the candle itself after that; a redelivered last candle re-publishes
     * the same signals (same ids).
     */
    List<SignalValidated> evaluate(CandleClosed candle);
}
