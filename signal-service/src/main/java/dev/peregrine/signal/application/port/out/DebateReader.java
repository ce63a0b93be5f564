package dev.peregrine.signal.application.port.out;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.application.port.in.StoredDebate;
import java.util.Optional;
import java.util.UUID;

/** Reads stored debates back. */
public interface DebateReader {

    /** The debate of the series' latest candle that had one; any interval of the symbol when {@code interval} is empty. */
    Optional<StoredDebate> latest(Symbol symbol, Optional<Interval> interval);

    /** The debate stored with a signal. */
    Optional<StoredDebate> bySignal(UUID signalId);
}
