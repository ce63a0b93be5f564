package dev.peregrine.execution.application.port.out;

import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.domain.OrderState;

import java.time.Duration;

/** What the service counts and times. */
public interface ExecutionMetrics {

    /** An order reached {@code state} (counted once per transition, never on redelivery). */
    void orderTransitioned(OrderState state);

    /**
     * An order of {@code symbol} filled, paying {@code fee}, {@code latency} after its intent was processed.
     */
    void orderFilled(Symbol symbol, Money fee, Duration latency);
}
