package dev.peregrine.monitor.adapter.out.advice;

import dev.peregrine.monitor.application.advice.port.out.AdviceMetrics;
import dev.peregrine.monitor.domain.advice.WeightChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** {@link AdviceMetrics} on Micrometer. */
@Component
public class MicrometerAdviceMetrics implements AdviceMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger enabled = new AtomicInteger();

    public MicrometerAdviceMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("peregrine.monitor.advice.auto.apply", enabled, AtomicInteger::get)
                .description("1 while an operator has switched on applying weight advice to signal-service, else 0")
                .register(registry);
    }

    @Override
    public void autoApply(boolean on) {
        enabled.set(on ? 1 : 0);
    }

    @Override
    public void weightSent(WeightChange change) {
        Counter.builder("peregrine.monitor.advice.weights.sent")
                .description("SetStrategyWeight commands sent from weight advice, per strategy")
                .tag("strategy", change.strategyId())
                .register(registry)
                .increment();
    }
}
