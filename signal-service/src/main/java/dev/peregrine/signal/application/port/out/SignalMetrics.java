package dev.peregrine.signal.application.port.out;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;

import java.time.Duration;

/** What signal-service counts and measures. */
public interface SignalMetrics {

    void signalValidated(String strategyId, Grade grade, RecommendedAction action, int strength);

    /** A candle did not move the indicators; {@code reason} is e.g. {@code duplicate} or {@code out_of_order}. */
    void candleIgnored(String reason);

    void evaluationLatency(Duration latency);

    void pausedStrategies(int count);
}
