package dev.peregrine.signal.application.port.out;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.domain.CandleAssessment;
import dev.peregrine.signal.domain.indicator.IndicatorValues;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one candle produced, as stored: its debate (one row, {@code debateId} derived from the series and the
 * candle) and one validation per directional opinion, each referring to that debate.
 *
 * @param indicators    the indicator values after the candle: every analyst's inputs, stored with each signal
 * @param correlationId the candle event's id, the correlation id of every signal of the candle
 * @param signals       in the panel's order
 */
public record EvaluatedCandle(
        UUID debateId,
        Symbol symbol,
        Interval interval,
        Instant candleOpenTime,
        Instant candleCloseTime,
        CandleAssessment assessment,
        IndicatorValues indicators,
        UUID correlationId,
        List<SignalRecord> signals,
        Instant createdAt) {

    public EvaluatedCandle {
        Objects.requireNonNull(debateId, "debateId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(candleOpenTime, "candleOpenTime");
        Objects.requireNonNull(candleCloseTime, "candleCloseTime");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(indicators, "indicators");
        Objects.requireNonNull(correlationId, "correlationId");
        signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
