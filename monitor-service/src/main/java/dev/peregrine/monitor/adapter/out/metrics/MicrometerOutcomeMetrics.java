package dev.peregrine.monitor.adapter.out.metrics;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.application.port.out.OutcomeMetrics;
import dev.peregrine.monitor.domain.outcome.StoredOutcome;
import dev.peregrine.monitor.domain.outcome.TradeOutcome;
import dev.peregrine.monitor.domain.outcome.UnmeasurableOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** {@link OutcomeMetrics} on Micrometer. */
@Component
public class MicrometerOutcomeMetrics implements OutcomeMetrics {

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();

    public MicrometerOutcomeMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("peregrine.monitor.outcomes.pending", pending, AtomicLong::get)
                .description("Signal outcomes (signal x horizon) waiting for their exit candle")
                .register(registry);
    }

    @Override
    public void outcomeMeasured(StoredOutcome outcome) {
        Counter.builder("peregrine.monitor.outcomes.measured")
                .description("Signal outcomes measured, per strategy, horizon and hit (net return > 0)")
                .tag("strategy", outcome.pending().strategyId())
                .tag("horizon", outcome.pending().horizon().toString())
                .tag("hit", Boolean.toString(outcome.measurement().hit()))
                .register(registry)
                .increment();
    }

    @Override
    public void outcomeUnmeasurable(UnmeasurableOutcome outcome) {
        Counter.builder("peregrine.monitor.outcomes.unmeasurable")
                .description("Pending signal outcomes given up at their deadline because their candles never arrived, "
                        + "per strategy, horizon and reason; neither hits nor misses")
                .tag("strategy", outcome.pending().strategyId())
                .tag("horizon", outcome.pending().horizon().toString())
                .tag("reason", outcome.reason().name())
                .register(registry)
                .increment();
    }

    @Override
    public void pending(long count) {
        pending.set(count);
    }

    @Override
    public void candleRejected(Symbol symbol, String reason) {
        Counter.builder("peregrine.monitor.outcome.candles.rejected")
                .description("Closed candles refused for outcome measurement (inconsistent prices)")
                .tag("symbol", symbol.value())
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void tradeRecorded(TradeOutcome trade) {
        Counter.builder("peregrine.monitor.trades")
                .description("Closed positions recorded, per strategy, result (win = realised P&L after fees > 0) and "
                        + "whether the entry signal was found")
                .tag("strategy", trade.strategyId())
                .tag("result", trade.win() ? "win" : "loss")
                .tag("joined", Boolean.toString(trade.signalId().isPresent()))
                .register(registry)
                .increment();
    }
}
