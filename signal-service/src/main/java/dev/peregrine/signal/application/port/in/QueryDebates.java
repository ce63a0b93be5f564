package dev.peregrine.signal.application.port.in;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import java.util.Optional;
import java.util.UUID;

/** The stored bull/bear debates, for people and tools looking into why a signal was (not) traded. */
public interface QueryDebates {

    /** The latest debate of the symbol, of one interval or of any. */
    Optional<StoredDebate> latest(Symbol symbol, Optional<Interval> interval);

    /** The debate of the candle a signal came from. */
    Optional<StoredDebate> bySignal(UUID signalId);
}
