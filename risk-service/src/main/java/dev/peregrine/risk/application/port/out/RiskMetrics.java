package dev.peregrine.risk.application.port.out;

import dev.peregrine.risk.domain.Outcome;
import dev.peregrine.risk.domain.control.ControlTransition;
import dev.peregrine.risk.domain.portfolio.Valuation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** What risk-service counts and measures. */
public interface RiskMetrics {

    /** A new decision (redeliveries are not counted again); {@code reasonCode} is the decisive reason. */
    void decided(Outcome outcome, String reasonCode);

    /** A limit that blocked or capped a new decision. */
    void limitHit(String limit, boolean blocked);

    /** Quantity x entry price of a new approval, in quote asset. */
    void approvedNotional(BigDecimal notional);

    /** From receiving a signal to its decision being stored and published. */
    void decisionLatency(Duration latency);

    /** The account now: equity, cash, exposures, P&L, drawdown, control states, open positions. */
    void portfolio(
            Valuation valuation,
            Map<String, BigDecimal> exposureByGroup,
            String breakerState,
            boolean drawdownHalted,
            boolean killSwitch);

    void transition(ControlTransition transition);

    void exitSent(String reasonCode);

    void anomaly(String kind);

    /**
     * Per-symbol state let go of to stay bounded: {@code state} is {@code mark} or {@code daily-closes},
     * {@code reason} is {@code idle} or {@code capacity}. Counts nothing by default, for drivers that measure
     * nothing (the backtest).
     */
    default void stateEvicted(String state, String reason) {}
}
