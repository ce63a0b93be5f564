package dev.peregrine.monitor.application;

import dev.peregrine.monitor.application.port.out.TradeFlowMetrics;
import dev.peregrine.monitor.domain.RecordedDecision;
import dev.peregrine.monitor.domain.RecordedExecution;
import dev.peregrine.monitor.domain.RecordedSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Remembers every metrics call, so a test can see what was counted and how often. */
final class CountingMetrics implements TradeFlowMetrics {

    final List<RecordedSignal> signals = new ArrayList<>();
    final List<RecordedDecision> decisions = new ArrayList<>();
    final List<RecordedExecution> executions = new ArrayList<>();
    final List<Duration> latencies = new ArrayList<>();

    @Override
    public void signalRecorded(RecordedSignal signal) {
        signals.add(signal);
    }

    @Override
    public void decisionRecorded(RecordedDecision decision) {
        decisions.add(decision);
    }

    @Override
    public void executionRecorded(RecordedExecution execution) {
        executions.add(execution);
    }

    @Override
    public void signalToFillLatency(Duration latency) {
        latencies.add(latency);
    }
}
