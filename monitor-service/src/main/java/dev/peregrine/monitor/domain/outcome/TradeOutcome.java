package dev.peregrine.monitor.domain.outcome;

import dev.peregrine.common.event.PositionChanged;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a closed position earned, from risk's portfolio ({@code PositionChanged} CLOSED), joined to the signal that
 * opened it when the monitor can trace it.
 *
 * @param entryClientOrderId the order that opened the position, when the monitor saw the position open
 * @param exitClientOrderId  the order whose fill closed it
 * @param signalId           the validated signal behind the entry order, when the join succeeded
 * @param realisedPnl        over the position's life, fees included, in the quote asset
 * @param averageEntry       the last average entry price of the position
 */
public record TradeOutcome(
        UUID positionId,
        String strategyId,
        Symbol symbol,
        Optional<String> entryClientOrderId,
        String exitClientOrderId,
        Optional<UUID> signalId,
        Instant openedAt,
        Instant closedAt,
        Money realisedPnl,
        Money fees,
        BigDecimal averageEntry,
        String closeReason,
        Instant recordedAt) {

    public TradeOutcome {
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(entryClientOrderId, "entryClientOrderId");
        Objects.requireNonNull(exitClientOrderId, "exitClientOrderId");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(realisedPnl, "realisedPnl");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(averageEntry, "averageEntry");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** The outcome of a CLOSED position; {@code closeReason} UNKNOWN when risk gave none. */
    public static TradeOutcome closed(
            PositionChanged position,
            Optional<String> entryClientOrderId,
            Optional<UUID> signalId,
            Instant recordedAt) {
        if (position.status() != PositionChanged.PositionStatus.CLOSED) {
            throw new IllegalArgumentException("position " + position.positionId() + " is not CLOSED");
        }
        return new TradeOutcome(
                position.positionId(),
                position.strategyId(),
                position.symbol(),
                entryClientOrderId,
                position.cause(),
                signalId,
                position.openedAt(),
                position.closedAt(),
                position.realisedPnl(),
                position.fees(),
                position.averageEntry().value(),
                position.closeReason() == null ? "UNKNOWN" : position.closeReason(),
                recordedAt);
    }

    public Duration holdingTime() {
        return Duration.between(openedAt, closedAt);
    }

    /** A win made money after fees. */
    public boolean win() {
        return realisedPnl.amount().signum() > 0;
    }
}
