package dev.peregrine.signal.application.port.in;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A debate as stored: its key figures as values, its cases, consensus and panel as the JSON documents they were
 * stored as (see docs/signal-validation.md), and the signals of its candle.
 *
 * @param verdict   BULLISH, BEARISH or HOLD
 * @param bullCase  JSON of the bull case (score, advocates, arguments)
 * @param bearCase  JSON of the bear case
 * @param consensus JSON of the consensus result
 * @param panel     JSON array of the five seats: opinion, regime weight, runtime weight, effective weight, paused
 */
public record StoredDebate(
        UUID debateId,
        String symbol,
        String interval,
        Instant candleOpenTime,
        Instant candleCloseTime,
        String regime,
        String verdict,
        BigDecimal conviction,
        String rationale,
        String bullCase,
        String bearCase,
        String consensus,
        String panel,
        UUID correlationId,
        Instant createdAt,
        List<SignalSummary> signals) {

    public StoredDebate {
        Objects.requireNonNull(debateId, "debateId");
        signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
    }

    /** One signal of the debate's candle. */
    public record SignalSummary(
            UUID signalId,
            String strategyId,
            Side side,
            int strength,
            Grade grade,
            RecommendedAction action,
            boolean tradeable) {}
}
