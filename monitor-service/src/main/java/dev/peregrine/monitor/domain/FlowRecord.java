package dev.peregrine.monitor.domain;

import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.UUID;

/** One recorded step of a trade chain. Sealed, so a {@link TradeFlow} can sort every kind without a default case. */
public sealed interface FlowRecord permits RecordedSignal, RecordedDecision, RecordedExecution {

    /** The id of the candle event that started the chain. */
    UUID correlationId();

    String strategyId();

    Symbol symbol();

    /** When the monitor recorded it (its own clock, not the producer's). */
    Instant recordedAt();
}
