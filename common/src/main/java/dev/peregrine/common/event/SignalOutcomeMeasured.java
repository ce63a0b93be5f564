package dev.peregrine.common.event;

import dev.peregrine.common.value.Symbol;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How a signal did over a fixed horizon after it was issued.
 *
 * @param forwardReturn signed return in the signal's direction (positive = the signal was right)
 */
public record SignalOutcomeMeasured(
        Envelope envelope,
        UUID signalId,
        String strategyId,
        Symbol symbol,
        Duration horizon,
        BigDecimal forwardReturn,
        boolean hit) implements SignalOutcomeEvent {

    public SignalOutcomeMeasured {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(forwardReturn, "forwardReturn");
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
