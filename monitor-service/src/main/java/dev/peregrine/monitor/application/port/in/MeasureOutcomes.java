package dev.peregrine.monitor.application.port.in;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.SignalValidated;

/** Signal outcomes: every validated signal is measured at every configured horizon from closed candles. */
public interface MeasureOutcomes {

    /** Stores the signal's outcomes as pending (once per signal and horizon) and measures those already due. */
    Recording signalValidated(SignalValidated signal);

    /** Stores the candle and measures the pending outcomes it makes due; an inconsistent candle is rejected. */
    CandleRecording candleClosed(CandleClosed candle);

    /**
     * Completes, from stored signals and candles only, every pending outcome that is due, and publishes every
     * measured outcome not yet acknowledged by the broker: what a restart runs first. Returns how many it measured.
     */
    int recover();

    /** What became of a candle. */
    enum CandleRecording {
        NEW,
        DUPLICATE,
        /** Inconsistent prices: counted, not stored, never measured against. */
        REJECTED
    }
}
