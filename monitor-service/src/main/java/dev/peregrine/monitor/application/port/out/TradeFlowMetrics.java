package dev.peregrine.monitor.application.port.out;

import dev.peregrine.monitor.domain.RecordedDecision;
import dev.peregrine.monitor.domain.RecordedExecution;
import dev.peregrine.monitor.domain.RecordedSignal;
import java.time.Duration;

/** Where the monitor reports what it recorded. Called once per newly recorded step, never for a redelivery. */
public interface TradeFlowMetrics {

    void signalRecorded(RecordedSignal signal);

    void decisionRecorded(RecordedDecision decision);

    /** Counts the report; for a fill also its notional and fee. */
    void executionRecorded(RecordedExecution execution);

    void signalToFillLatency(Duration latency);
}
