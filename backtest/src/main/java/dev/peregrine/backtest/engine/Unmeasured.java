package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.out.ExecutionMetrics;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.domain.Outcome;
import dev.peregrine.risk.domain.control.ControlTransition;
import dev.peregrine.risk.domain.portfolio.Valuation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** The services' metrics ports, measuring nothing: a backtest's figures are its result. */
final class Unmeasured implements RiskMetrics, ExecutionMetrics {

    static final Unmeasured INSTANCE = new Unmeasured();

    private Unmeasured() {}

    @Override
    public void decided(Outcome outcome, String reasonCode) {}

    @Override
    public void limitHit(String limit, boolean blocked) {}

    @Override
    public void approvedNotional(BigDecimal notional) {}

    @Override
    public void decisionLatency(Duration latency) {}

    @Override
    public void portfolio(
            Valuation valuation,
            Map<String, BigDecimal> exposureByGroup,
            String breakerState,
            boolean drawdownHalted,
            boolean killSwitch) {}

    @Override
    public void transition(ControlTransition transition) {}

    @Override
    public void exitSent(String reasonCode) {}

    @Override
    public void anomaly(String kind) {}

    @Override
    public void orderTransitioned(OrderState state) {}

    @Override
    public void orderFilled(Symbol symbol, OrderPurpose purpose, Money fee, BigDecimal slippageCost) {}

    @Override
    public void marketOrderFillLatency(Duration latency) {}
}
