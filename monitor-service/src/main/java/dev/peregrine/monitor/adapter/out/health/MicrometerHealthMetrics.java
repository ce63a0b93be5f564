package dev.peregrine.monitor.adapter.out.health;

import dev.peregrine.monitor.application.health.HealthDecision;
import dev.peregrine.monitor.application.health.HealthMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code peregrine_monitor_strategy_cusum{strategy}} (the rule's statistic), {@code
 * peregrine_monitor_strategy_degraded{strategy}} (1 while degraded) and {@code
 * peregrine_monitor_auto_pauses_total{strategy,action}}.
 */
@Component
public class MicrometerHealthMetrics implements HealthMetrics {

    private final MeterRegistry registry;
    private final Map<String, double[]> values = new ConcurrentHashMap<>();

    public MicrometerHealthMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void statistic(String strategyId, double cusum, boolean degraded) {
        double[] slot = values.computeIfAbsent(strategyId, id -> {
            double[] created = new double[2];
            Gauge.builder("peregrine.monitor.strategy.cusum", created, v -> v[0])
                    .tag("strategy", id)
                    .description("The degradation rule's CUSUM statistic, in standard deviations")
                    .register(registry);
            Gauge.builder("peregrine.monitor.strategy.degraded", created, v -> v[1])
                    .tag("strategy", id)
                    .description("1 while the degradation rule finds the strategy degraded")
                    .register(registry);
            return created;
        });
        slot[0] = cusum;
        slot[1] = degraded ? 1 : 0;
    }

    @Override
    public void decided(HealthDecision.Action action, String strategyId) {
        Counter.builder("peregrine.monitor.auto.pauses")
                .tag("strategy", strategyId)
                .tag("action", action.name())
                .description("Pauses (and resumes) the monitor decided")
                .register(registry)
                .increment();
    }
}
