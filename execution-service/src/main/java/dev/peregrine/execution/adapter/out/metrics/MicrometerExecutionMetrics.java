package dev.peregrine.execution.adapter.out.metrics;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.out.ExecutionMetrics;
import dev.peregrine.execution.domain.OrderState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code peregrine.execution.orders{state}}, {@code peregrine.execution.fills{symbol,purpose}},
 * {@code peregrine.execution.fees{asset}}, {@code peregrine.execution.slippage.cost{purpose}} and
 * {@code peregrine.execution.fill.latency}.
 */
@Component
class MicrometerExecutionMetrics implements ExecutionMetrics {

    private final MeterRegistry registry;
    private final Map<OrderState, Counter> transitions = new EnumMap<>(OrderState.class);
    private final Timer fillLatency;

    MicrometerExecutionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (OrderState state : OrderState.values()) {
            // Registered up front so dashboards see every state at zero rather than a missing series.
            transitions.put(
                    state,
                    Counter.builder("peregrine.execution.orders")
                            .tag("state", state.name())
                            .description("Orders that reached a state")
                            .register(registry));
        }
        this.fillLatency = Timer.builder("peregrine.execution.fill.latency")
                .description("Time from processing an entry's or exit's intent to its fill")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void orderTransitioned(OrderState state) {
        transitions.get(state).increment();
    }

    @Override
    public void orderFilled(Symbol symbol, OrderPurpose purpose, Money fee, BigDecimal slippageCost) {
        Counter.builder("peregrine.execution.fills")
                .tag("symbol", symbol.value())
                .tag("purpose", purpose.name())
                .description("Orders filled")
                .register(registry)
                .increment();
        // Doubles are fine for metrics: aggregates for dashboards, never used for accounting.
        DistributionSummary.builder("peregrine.execution.fees")
                .tag("asset", fee.currency())
                .description("Fees paid per fill")
                .register(registry)
                .record(fee.amount().doubleValue());
        DistributionSummary.builder("peregrine.execution.slippage.cost")
                .tag("purpose", purpose.name())
                .description("What slippage took from each fill, in the quote asset")
                .register(registry)
                .record(slippageCost.doubleValue());
    }

    @Override
    public void marketOrderFillLatency(Duration latency) {
        fillLatency.record(latency);
    }
}
