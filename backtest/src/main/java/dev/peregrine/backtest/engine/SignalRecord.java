package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One validated signal, as signal-service publishes it on {@code signals.validated.v1}: one per analyst that took a
 * side on a candle, tradeable or not.
 *
 * @param signalId       derived from analyst, symbol, interval and candle open time (the service's own id)
 * @param strategyId     the analyst's id (momentum, mean-reversion, breakout, chart-pattern, order-flow, ...)
 * @param openTime       open time of the candle it was judged on
 * @param closeTime      close time of that candle: when the signal exists
 * @param confidence     0..1
 * @param strength       0..100
 * @param referencePrice the candle's close, the entry price risk sizes with
 * @param stopPrice      the analyst's protective stop
 * @param regime         the market regime label at the candle (e.g. TRENDING_HIGH)
 */
public record SignalRecord(
        UUID signalId,
        String strategyId,
        Symbol symbol,
        Interval interval,
        Instant openTime,
        Instant closeTime,
        Side side,
        Grade grade,
        double confidence,
        int strength,
        RecommendedAction action,
        boolean tradeable,
        BigDecimal referencePrice,
        BigDecimal stopPrice,
        String regime,
        List<Reason> reasons) {

    public SignalRecord {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(grade, "grade");
        reasons = List.copyOf(reasons);
    }
}
