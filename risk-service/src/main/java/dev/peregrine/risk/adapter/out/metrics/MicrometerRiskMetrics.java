package dev.peregrine.risk.adapter.out.metrics;

import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.domain.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * {@code peregrine.risk.decisions} (tags outcome and the decisive reason code, a small fixed set),
 * {@code peregrine.risk.approved.notional} and {@code peregrine.risk.decision.latency}.
 */
@Component
public class MicrometerRiskMetrics implements RiskMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary approvedNotional;
    private final Timer decisionLatency;

    public MicrometerRiskMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.approvedNotional = DistributionSummary.builder("peregrine.risk.approved.notional")
                .description("Notional (quantity x entry price, quote asset) of approved trades")
                .register(registry);
        this.decisionLatency = Timer.builder("peregrine.risk.decision.latency")
                .description("Time from receiving a signal to its decision being stored and published")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void decided(Outcome outcome, String reasonCode) {
        Counter.builder("peregrine.risk.decisions")
                .description("New risk decisions by outcome and decisive reason")
                .tag("outcome", outcome.name())
                .tag("reason", reasonCode)
                .register(registry)
                .increment();
    }

    @Override
    public void approvedNotional(BigDecimal notional) {
        // Metrics are approximate by nature; the exact notional lives in the decision row.
        approvedNotional.record(notional.doubleValue());
    }

    @Override
    public void decisionLatency(Duration latency) {
        decisionLatency.record(latency.isNegative() ? Duration.ZERO : latency);
    }
}
