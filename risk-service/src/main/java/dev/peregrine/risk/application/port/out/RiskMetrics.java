package dev.peregrine.risk.application.port.out;

import dev.peregrine.risk.domain.Outcome;

import java.math.BigDecimal;
import java.time.Duration;

/** What risk-service counts and measures. */
public interface RiskMetrics {

    /** A new decision (redeliveries are not counted again); {@code reasonCode} is the decisive reason. */
    void decided(Outcome outcome, String reasonCode);

    /** Quantity x entry price of a new approval, in quote asset. */
    void approvedNotional(BigDecimal notional);

    /** From receiving a signal to its decision being stored and published. */
    void decisionLatency(Duration latency);
}
