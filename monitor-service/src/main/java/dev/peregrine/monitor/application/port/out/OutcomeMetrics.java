package dev.peregrine.monitor.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.domain.outcome.StoredOutcome;
import dev.peregrine.monitor.domain.outcome.TradeOutcome;
import dev.peregrine.monitor.domain.outcome.UnmeasurableOutcome;

/** Where the outcome use cases report. Called once per new fact, never for a redelivery. */
public interface OutcomeMetrics {

    void outcomeMeasured(StoredOutcome outcome);

    /** A pending outcome given up at its deadline. */
    void outcomeUnmeasurable(UnmeasurableOutcome outcome);

    /** How many outcomes wait for their candles now. */
    void pending(long count);

    void candleRejected(Symbol symbol, String reason);

    void tradeRecorded(TradeOutcome trade);
}
