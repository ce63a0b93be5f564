package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.PositionChanged;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.risk.domain.Outcome;
import dev.peregrine.risk.domain.RecordedDecision;
import dev.peregrine.risk.domain.portfolio.Valuation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns what the services produced into the result's records as the run goes: signals as published, fills as
 * reported, closed trades as risk announces them (with the fills that made them), one equity point per candle time,
 * the candles per symbol. Decisions and orders are read from the stores at the end.
 */
final class ResultRecorder {

    private final List<SignalRecord> signals = new ArrayList<>();
    private final List<FillRecord> fills = new ArrayList<>();
    private final List<ClosedTrade> trades = new ArrayList<>();
    private final List<EquityPoint> equity = new ArrayList<>();
    private final Map<Symbol, List<PriceBar>> prices = new LinkedHashMap<>();
    /** Per (strategy, symbol): the fills of the position open now. */
    private final Map<String, List<FillRecord>> openFills = new HashMap<>();

    private final Map<String, UUID> entrySignals = new HashMap<>();
    private final BigDecimal startingBalance;
    private long candles;

    ResultRecorder(BigDecimal startingBalance) {
        this.startingBalance = startingBalance;
    }

    void candle(CandleClosed candle) {
        candles++;
        prices.computeIfAbsent(candle.symbol(), symbol -> new ArrayList<>())
                .add(new PriceBar(
                        candle.openTime(),
                        candle.closeTime(),
                        candle.open().value(),
                        candle.high().value(),
                        candle.low().value(),
                        candle.close().value(),
                        candle.volume().value(),
                        candle.qualityFlags()));
    }

    /** An intent risk sent: an entry's order id tells which signal opened the position it fills. */
    void intent(OrderIntentCreated intent) {
        if (intent.purpose() == OrderPurpose.ENTRY) {
            entrySignals.put(intent.clientOrderId(), intent.signalId());
        }
    }

    void signal(SignalValidated signal, Instant openTime) {
        signals.add(new SignalRecord(
                signal.signalId(),
                signal.strategyId(),
                signal.symbol(),
                signal.interval(),
                openTime,
                signal.candleCloseTime(),
                signal.side(),
                signal.grade(),
                signal.confidence(),
                signal.strength(),
                signal.action(),
                signal.tradeable(),
                signal.referencePrice().value(),
                signal.stopPrice().value(),
                signal.regime(),
                signal.reasons()));
    }

    void report(ExecutionReportEvent report) {
        if (report instanceof OrderFilled filled) {
            FillRecord fill = new FillRecord(
                    filled.clientOrderId(),
                    filled.strategyId(),
                    filled.symbol(),
                    filled.side(),
                    OrderRole.of(filled.purpose()),
                    filled.quantity().value(),
                    filled.fillPrice().value(),
                    filled.fee().amount(),
                    filled.fee().currency(),
                    filled.envelope().eventTime());
            fills.add(fill);
            openFills
                    .computeIfAbsent(key(fill.strategyId(), fill.symbol()), k -> new ArrayList<>())
                    .add(fill);
        }
    }

    void closed(PositionChanged position) {
        List<FillRecord> made = Optional.ofNullable(openFills.remove(key(position.strategyId(), position.symbol())))
                .orElse(List.of());
        BigDecimal bought = sum(made, Side.BUY, false);
        BigDecimal sold = sum(made, Side.SELL, false);
        OrderRole exitRole = made.stream()
                .filter(f -> f.side() == Side.SELL)
                .reduce((a, b) -> b)
                .map(FillRecord::role)
                .orElse(OrderRole.EXIT);
        UUID entrySignal = made.stream()
                .filter(f -> f.role() == OrderRole.ENTRY)
                .findFirst()
                .map(f -> entrySignals.remove(f.clientOrderId()))
                .orElse(null);
        trades.add(new ClosedTrade(
                position.positionId(),
                position.strategyId(),
                position.symbol(),
                entrySignal,
                position.openedAt(),
                position.closedAt(),
                bought,
                average(sum(made, Side.BUY, true), bought),
                average(sum(made, Side.SELL, true), sold),
                position.fees().amount(),
                position.realisedPnl().amount(),
                exitRole,
                position.closeReason()));
    }

    /** The account after candle time {@code time}; before risk stored anything, the starting balance. */
    void equity(Instant time, Optional<Valuation> valuation) {
        equity.add(valuation
                .map(v -> new EquityPoint(time, v.cash(), v.grossExposure(), v.equity(), v.drawdown()))
                .orElseGet(() ->
                        new EquityPoint(time, startingBalance, BigDecimal.ZERO, startingBalance, BigDecimal.ZERO)));
    }

    BacktestResult result(BacktestConfig config, List<RecordedDecision> decisions, Collection<Order> orders) {
        return new BacktestResult(
                config,
                candles,
                signals,
                decisions.stream().map(ResultRecorder::decision).toList(),
                orders.stream().map(ResultRecorder::order).toList(),
                fills,
                trades,
                equity,
                prices);
    }

    private static DecisionRecord decision(RecordedDecision d) {
        return new DecisionRecord(
                d.decisionId(),
                d.signalId(),
                d.strategyId(),
                d.symbol(),
                d.side(),
                d.outcome() == Outcome.APPROVED,
                d.quantity() == null ? null : d.quantity().value(),
                d.entryPrice() == null ? null : d.entryPrice().value(),
                d.stopPrice() == null ? null : d.stopPrice().value(),
                d.riskAmount() == null ? null : d.riskAmount().amount(),
                d.reasons(),
                d.decidedAt());
    }

    private static OrderRecord order(Order o) {
        OrderRole role = OrderRole.of(o.purpose());
        BigDecimal level = switch (role) {
            case STOP -> o.terms().role().stopLoss().value();
            case TAKE_PROFIT -> o.terms().role().takeProfit().value();
            default -> null;
        };
        String reason = o.rejectReason() != null
                ? o.rejectReason().code()
                : o.cancellation() != null ? o.cancellation().reason().code() : null;
        return new OrderRecord(
                o.clientOrderId(),
                o.intentId(),
                o.terms().strategyId(),
                o.symbol(),
                o.side(),
                role,
                o.quantity().value(),
                level,
                o.state().name(),
                reason,
                o.terms().notBefore(),
                o.settledAt());
    }

    private static BigDecimal sum(List<FillRecord> fills, Side side, boolean notional) {
        return fills.stream()
                .filter(f -> f.side() == side)
                .map(f -> notional ? f.notional() : f.quantity())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal average(BigDecimal notional, BigDecimal quantity) {
        return quantity.signum() == 0 ? null : notional.divide(quantity, MathContext.DECIMAL64);
    }

    private static String key(String strategyId, Symbol symbol) {
        return strategyId + "\u0000" + symbol.value();
    }
}
