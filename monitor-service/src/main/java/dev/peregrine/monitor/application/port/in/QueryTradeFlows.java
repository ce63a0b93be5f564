package dev.peregrine.monitor.application.port.in;

import dev.peregrine.monitor.domain.RecordedSignal;
import dev.peregrine.monitor.domain.TradeFlow;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** Read-only questions about what the monitor recorded. */
public interface QueryTradeFlows {

    /** The chain started by {@code correlationId}, or empty when nothing of it was recorded. */
    Optional<TradeFlow> tradeFlow(UUID correlationId);

    /**
     * The latest recorded signals, newest event time first, of one strategy or of all.
     *
     * @param limit how many at most; absent means the configured maximum
     * @throws IllegalArgumentException when {@code limit} is outside 1 and the configured maximum
     */
    List<RecordedSignal> recentSignals(Optional<String> strategyId, OptionalInt limit);
}
