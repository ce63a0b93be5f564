package dev.peregrine.risk.adapter.out.metrics;

import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.domain.Outcome;
import dev.peregrine.risk.domain.control.ControlTransition;
import dev.peregrine.risk.domain.portfolio.Valuation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * {@code peregrine_risk_*}: decisions by outcome and reason, limits hit, approved notional, decision latency, and
 * the account as gauges (equity, cash, reserved, exposure per symbol and per correlation group, daily P&L,
 * drawdown, breaker state 0 ACTIVE / 1 REDUCING / 2 HALTED, drawdown halt, kill switch, open positions),
 * control transitions, exits by reason, anomalies and per-symbol state evicted. Gauges read the latest valuation;
 * metrics are approximate by nature (doubles), the exact figures live in the ledger. A symbol's (or group's)
 * exposure gauge exists while something is held in it and is removed once nothing is, so the gauges stay as many as
 * the positions, not the symbols ever held.
 */
@Component
public class MicrometerRiskMetrics implements RiskMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary approvedNotional;
    private final Timer decisionLatency;
    private final AtomicReference<Valuation> latest = new AtomicReference<>();
    private final Map<String, Double> symbolExposure = new ConcurrentHashMap<>();
    private final Map<String, Double> groupExposure = new ConcurrentHashMap<>();
    private final Map<String, Gauge> exposureGauges = new ConcurrentHashMap<>();
    private volatile double breakerState;
    private volatile double drawdownHalted;
    private volatile double killSwitch;

    public MicrometerRiskMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.approvedNotional = DistributionSummary.builder("peregrine.risk.approved.notional")
                .description("Notional (quantity x entry price, quote asset) of approved entries")
                .register(registry);
        this.decisionLatency = Timer.builder("peregrine.risk.decision.latency")
                .description("Time from receiving a signal to its decision being stored and published")
                .publishPercentileHistogram()
                .register(registry);
        valuationGauge("peregrine.risk.equity", "Equity in the quote asset", Valuation::equity);
        valuationGauge("peregrine.risk.cash", "Quote asset cash before reservations", Valuation::cash);
        valuationGauge("peregrine.risk.reserved", "Quote asset reserved by entries in flight", Valuation::reserved);
        valuationGauge("peregrine.risk.gross.exposure", "Value of all positions", Valuation::grossExposure);
        valuationGauge("peregrine.risk.daily.pnl", "Equity minus equity at 00:00 UTC", Valuation::dailyPnl);
        valuationGauge("peregrine.risk.drawdown", "Fraction below peak equity", Valuation::drawdown);
        valuationGauge("peregrine.risk.high.water.mark", "Peak equity", Valuation::highWaterMark);
        Gauge.builder(
                        "peregrine.risk.open.positions",
                        latest,
                        ref -> ref.get() == null ? 0 : ref.get().openPositions())
                .description("Positions holding something")
                .register(registry);
        Gauge.builder("peregrine.risk.breaker.state", this, m -> m.breakerState)
                .description("Daily-loss breaker: 0 ACTIVE, 1 REDUCING, 2 HALTED")
                .register(registry);
        Gauge.builder("peregrine.risk.drawdown.halted", this, m -> m.drawdownHalted)
                .description("1 while the drawdown limit halts entries")
                .register(registry);
        Gauge.builder("peregrine.risk.kill.switch", this, m -> m.killSwitch)
                .description("1 while the kill switch is on")
                .register(registry);
    }

    private void valuationGauge(
            String name, String description, java.util.function.Function<Valuation, BigDecimal> part) {
        Gauge.builder(
                        name,
                        latest,
                        ref -> ref.get() == null ? 0 : part.apply(ref.get()).doubleValue())
                .description(description)
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
    public void limitHit(String limit, boolean blocked) {
        Counter.builder("peregrine.risk.limit.hits")
                .description("Limits that blocked (denial) or capped a new entry")
                .tag("limit", limit)
                .tag("effect", blocked ? "blocked" : "capped")
                .register(registry)
                .increment();
    }

    @Override
    public void approvedNotional(BigDecimal notional) {
        approvedNotional.record(notional.doubleValue());
    }

    @Override
    public void decisionLatency(Duration latency) {
        decisionLatency.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    @Override
    public void portfolio(
            Valuation valuation,
            Map<String, BigDecimal> exposureByGroup,
            String breaker,
            boolean drawdownHaltedNow,
            boolean killSwitchOn) {
        latest.set(valuation);
        breakerState = switch (breaker) {
            case "REDUCING" -> 1;
            case "HALTED" -> 2;
            default -> 0;
        };
        drawdownHalted = drawdownHaltedNow ? 1 : 0;
        killSwitch = killSwitchOn ? 1 : 0;
        Map<String, BigDecimal> bySymbol = new TreeMap<>();
        valuation.exposureBySymbol().forEach((symbol, value) -> bySymbol.put(symbol.value(), value));
        exposures("peregrine.risk.exposure", "symbol", symbolExposure, bySymbol);
        exposures("peregrine.risk.group.exposure", "group", groupExposure, exposureByGroup);
    }

    /** Sets the held keys' gauges (registering new ones) and removes the gauges of keys no longer held. */
    private synchronized void exposures(
            String name, String tag, Map<String, Double> values, Map<String, BigDecimal> held) {
        for (String key : List.copyOf(values.keySet())) {
            if (!held.containsKey(key)) {
                values.remove(key);
                Gauge gauge = exposureGauges.remove(name + "|" + key);
                if (gauge != null) {
                    registry.remove(gauge);
                }
            }
        }
        held.forEach((key, value) -> {
            if (values.put(key, value.doubleValue()) == null) {
                exposureGauges.put(
                        name + "|" + key,
                        Gauge.builder(name, values, v -> v.getOrDefault(key, 0.0))
                                .description("Value held, in the quote asset, per " + tag)
                                .tag(tag, key)
                                .register(registry));
            }
        });
    }

    @Override
    public void transition(ControlTransition transition) {
        Counter.builder("peregrine.risk.control.transitions")
                .description("Risk control transitions")
                .tag("control", transition.control())
                // The ramp's "to" is its caps in words: one series for every change keeps the labels bounded.
                .tag("to", transition.control().equals(ControlTransition.CAPITAL_RAMP) ? "SET" : transition.to())
                .register(registry)
                .increment();
    }

    @Override
    public void exitSent(String reasonCode) {
        Counter.builder("peregrine.risk.exits")
                .description("Exit intents by reason")
                .tag("reason", reasonCode)
                .register(registry)
                .increment();
    }

    @Override
    public void stateEvicted(String state, String reason) {
        Counter.builder("peregrine.risk.state.evicted")
                .description("Per-symbol state dropped to stay bounded (mark, daily-closes; idle: no candle for"
                        + " idle-after of market time, capacity: over the bound)")
                .tag("state", state)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void anomaly(String kind) {
        Counter.builder("peregrine.risk.anomalies")
                .description("Facts that should not happen, by kind")
                .tag("kind", kind.isEmpty() ? "OTHER" : kind)
                .register(registry)
                .increment();
    }
}
