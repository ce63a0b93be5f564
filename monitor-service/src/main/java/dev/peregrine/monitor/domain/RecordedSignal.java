package dev.peregrine.monitor.domain;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A validated signal as the monitor keeps it.
 *
 * @param processingTime when signal-service produced it; the start of the signal-to-fill latency
 */
public record RecordedSignal(
        UUID signalId,
        String strategyId,
        Symbol symbol,
        Interval interval,
        Side side,
        int strength,
        Grade grade,
        double confidence,
        RecommendedAction action,
        boolean tradeable,
        Price referencePrice,
        UUID correlationId,
        Instant eventTime,
        Instant processingTime,
        Instant recordedAt)
        implements FlowRecord {

    public RecordedSignal {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(processingTime, "processingTime");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public static RecordedSignal from(SignalValidated event, Instant recordedAt) {
        return new RecordedSignal(
                event.signalId(),
                event.strategyId(),
                event.symbol(),
                event.interval(),
                event.side(),
                event.strength(),
                event.grade(),
                event.confidence(),
                event.action(),
                event.tradeable(),
                event.referencePrice(),
                event.envelope().correlationId(),
                event.envelope().eventTime(),
                event.envelope().processingTime(),
                recordedAt);
    }
}
