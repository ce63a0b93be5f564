package dev.peregrine.benchmarks.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the audit reads after a replay, as the services stored it: risk's decisions, intents, applied facts,
 * positions, equity curve, anomalies and control events; execution's orders with the order of their fills; the last
 * candle of each symbol; the portfolio as {@code GET /api/v1/portfolio} shows it; and the risk limits the service
 * ran with. Plain values, so the checks ({@link ReplayAudit}) can be tested on hand-made data.
 */
public record AuditData(
        Limits limits,
        List<Decision> decisions,
        List<Intent> intents,
        Map<String, Instant> orderEndsAppliedAt,
        List<Order> orders,
        List<PositionRow> positions,
        List<EquityPoint> equityCurve,
        List<Anomaly> anomalies,
        List<ControlEvent> controlEvents,
        Map<String, LastCandle> lastCandles,
        List<Valued> valuations,
        ApiPortfolio apiPortfolio) {

    public AuditData {
        Objects.requireNonNull(limits, "limits");
        decisions = List.copyOf(decisions);
        intents = List.copyOf(intents);
        orderEndsAppliedAt = Map.copyOf(orderEndsAppliedAt);
        orders = List.copyOf(orders);
        positions = List.copyOf(positions);
        equityCurve = List.copyOf(equityCurve);
        anomalies = List.copyOf(anomalies);
        controlEvents = List.copyOf(controlEvents);
        lastCandles = Map.copyOf(lastCandles);
        valuations = List.copyOf(valuations);
        Objects.requireNonNull(apiPortfolio, "apiPortfolio");
    }

    /** risk-service's settings the run used (read from its environment, so they are the defaults it really had). */
    public record Limits(
            String quoteAsset,
            BigDecimal startingBalance,
            BigDecimal maxGrossExposure,
            BigDecimal maxPositionFraction,
            BigDecimal maxSymbolFraction,
            BigDecimal reservationBuffer) {}

    /** A reason of a decision, as stored in {@code risk.decisions.reasons}. */
    public record Reason(String code, String detail) {}

    /**
     * A row of {@code risk.decisions}. {@code decidedAt} is risk's clock when it decided, inside the book's lock;
     * {@code signalCandleClose} the close of the candle the signal was made on ({@code signal.signal_validations}).
     */
    public record Decision(
            String decisionId,
            String strategyId,
            String symbol,
            String side,
            String outcome,
            BigDecimal quantity,
            BigDecimal entryPrice,
            List<Reason> reasons,
            Instant signalCandleClose,
            Instant decidedAt) {

        public boolean approvedEntry() {
            return "APPROVED".equals(outcome) && "BUY".equals(side);
        }

        /** The first reason's code: the one a denial is counted under. */
        public String primaryReason() {
            return reasons.isEmpty() ? "(none)" : reasons.getFirst().code();
        }
    }

    /** A row of {@code risk.order_intents}. */
    public record Intent(
            String decisionId,
            String clientOrderId,
            String purpose,
            String strategyId,
            String symbol,
            BigDecimal quantity,
            Instant notBefore,
            String exitReasonCode) {}

    /**
     * A row of {@code execution.orders}; {@code fillSequence} is the id of its FILLED transition in
     * {@code execution.order_events} (the order in which execution applied its fills), null when it never filled;
     * {@code endSequence} that of its end (filled, rejected or canceled), null while it works.
     */
    public record Order(
            String clientOrderId,
            String strategyId,
            String symbol,
            String side,
            String purpose,
            BigDecimal quantity,
            String state,
            BigDecimal fillPrice,
            BigDecimal fee,
            String feeAsset,
            Instant settledAt,
            String exitReasonCode,
            String parentClientOrderId,
            Long fillSequence,
            Instant notBefore,
            String rejectCode,
            Long endSequence) {

        public boolean filled() {
            return "FILLED".equals(state);
        }
    }

    /** A row of {@code risk.positions} (every position at its latest version). */
    public record PositionRow(
            String positionId,
            String strategyId,
            String symbol,
            String status,
            BigDecimal quantity,
            BigDecimal cost,
            BigDecimal realisedPnl,
            BigDecimal fees,
            Instant openedAt,
            Instant closedAt,
            String closeReason,
            String lastCause) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** A row of {@code risk.equity_curve}. */
    public record EquityPoint(
            Instant hour,
            BigDecimal equity,
            BigDecimal cash,
            BigDecimal reserved,
            BigDecimal grossExposure,
            BigDecimal drawdown,
            int openPositions,
            Instant recordedAt) {}

    /** A row of {@code risk.anomalies}. */
    public record Anomaly(String kind, String detail, Instant marketTime) {}

    /** A row of {@code risk.control_events}. */
    public record ControlEvent(
            String control, String from, String to, String reasonCode, BigDecimal equity, Instant marketTime) {}

    /** The last candle ingest stored for a symbol: its close is the last mark. */
    public record LastCandle(String symbol, BigDecimal close, Instant closeTime) {}

    /**
     * A {@code PortfolioValued} risk published on {@code risk.portfolio.v1}: {@code marketTime} is its event time (the
     * candle close or fill it answered), {@code processedAt} when risk made it. They show how far risk's marks were
     * ahead of the signals it was deciding on.
     */
    public record Valued(Instant marketTime, Instant processedAt) {}

    /** {@code GET /api/v1/portfolio} as the VIEWER sees it. */
    public record ApiPortfolio(
            BigDecimal equity,
            BigDecimal cash,
            BigDecimal grossExposure,
            int openPositions,
            Instant marketTime,
            String breakerState,
            boolean drawdownHalted,
            String body) {}
}
