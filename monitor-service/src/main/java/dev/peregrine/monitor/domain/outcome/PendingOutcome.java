package dev.peregrine.monitor.domain.outcome;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One validated signal waiting for its outcome at one horizon: everything the outcome event repeats, so that it can
 * be measured and published from the store alone after a restart.
 *
 * @param signalEventId   the envelope id of the {@code SignalValidated}: the cause of the outcome event
 * @param signalCloseTime close time of the candle the signal was computed on
 * @param regime          null when signal-service did not classify one
 */
public record PendingOutcome(
        UUID signalId,
        Duration horizon,
        UUID signalEventId,
        UUID correlationId,
        String strategyId,
        Symbol symbol,
        Interval interval,
        Side side,
        Grade grade,
        int strength,
        double confidence,
        RecommendedAction action,
        boolean tradeable,
        String regime,
        Instant signalCloseTime) {

    public PendingOutcome {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(signalEventId, "signalEventId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(signalCloseTime, "signalCloseTime");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
    }

    /** One pending outcome per horizon. */
    public static List<PendingOutcome> of(SignalValidated signal, List<Duration> horizons) {
        return horizons.stream()
                .map(horizon -> new PendingOutcome(
                        signal.signalId(),
                        horizon,
                        signal.envelope().eventId(),
                        signal.envelope().correlationId(),
                        signal.strategyId(),
                        signal.symbol(),
                        signal.interval(),
                        signal.side(),
                        signal.grade(),
                        signal.strength(),
                        signal.confidence(),
                        signal.action(),
                        signal.tradeable(),
                        signal.regime(),
                        signal.candleCloseTime()))
                .toList();
    }

    /** The earliest open time at which the exit candle can start: no outcome is due before a candle opens then. */
    public Instant earliestExit() {
        return signalCloseTime.plus(horizon);
    }
}
