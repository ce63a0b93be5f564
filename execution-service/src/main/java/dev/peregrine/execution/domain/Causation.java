package dev.peregrine.execution.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The part of the intent's envelope an order keeps, so that every report about the order, even one sent
 * long after the intent (a fill on a later candle), joins the chain that the signal candle started.
 *
 * @param correlationId   the chain's id (the candle event that started it)
 * @param intentEventId   the intent event's id: the cause of every report about this order
 * @param intentEventTime the intent event's time, which the reports carry as their event time
 */
public record Causation(UUID correlationId, UUID intentEventId, Instant intentEventTime) {

    public Causation {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(intentEventId, "intentEventId");
        Objects.requireNonNull(intentEventTime, "intentEventTime");
    }
}
