package dev.peregrine.risk.application.port.in;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.domain.RecordedDecision;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read access to recorded decisions. */
public interface FindDecisions {

    /** Largest {@code limit} accepted by {@link #latest}. */
    int MAX_LIMIT = 500;

    /** The newest decisions for {@code symbol}, newest first; {@code limit} must be 1..{@value #MAX_LIMIT}. */
    List<RecordedDecision> latest(Symbol symbol, int limit);

    Optional<RecordedDecision> bySignalId(UUID signalId);
}
