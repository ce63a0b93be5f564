package dev.peregrine.execution.application.port.out;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.domain.OrderState;
import java.math.BigDecimal;
import java.time.Duration;

/** What the service counts and times. */
public interface ExecutionMetrics {

    /** An order reached {@code state} (counted once per transition, never on redelivery). */
    void orderTransitioned(OrderState state);

    /**
     * An order of {@code symbol} filled, paying {@code fee} and {@code slippageCost} (quote asset: what the
     * slippage took from the order).
     */
    void orderFilled(Symbol symbol, OrderPurpose purpose, Money fee, BigDecimal slippageCost);

    /** A market order (entry or exit) filled {@code latency} after its intent was processed. */
    void marketOrderFillLatency(Duration latency);
}
