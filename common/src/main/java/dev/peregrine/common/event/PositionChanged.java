package dev.peregrine.common.event;

import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One strategy's long position in one symbol after a fill changed it.
 *
 * @param positionId    stable for the life of the position (from its opening fill), so an outcome can be joined to it
 * @param quantity      base asset held now (zero once CLOSED)
 * @param averageEntry  average price paid for what is held (the last one once CLOSED)
 * @param realisedPnl   realised profit and loss so far, fees included, in the quote asset
 * @param fees          all fees paid for this position, valued in the quote asset
 * @param cause         the clientOrderId of the fill that changed it
 * @param closeReason   why it closed (exit reason, STOP_LOSS, TAKE_PROFIT); null while OPEN
 */
public record PositionChanged(
        Envelope envelope,
        UUID positionId,
        String strategyId,
        Symbol symbol,
        PositionStatus status,
        Quantity quantity,
        Price averageEntry,
        Money realisedPnl,
        Money fees,
        Instant openedAt,
        Instant closedAt,
        String cause,
        String closeReason)
        implements PortfolioEvent {

    /** Whether the strategy still holds some of the symbol. */
    public enum PositionStatus {
        OPEN,
        CLOSED
    }

    public PositionChanged {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageEntry, "averageEntry");
        Objects.requireNonNull(realisedPnl, "realisedPnl");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(cause, "cause");
        if ((status == PositionStatus.CLOSED) != quantity.isZero()) {
            throw new IllegalArgumentException("a position is CLOSED exactly when it holds nothing");
        }
        if ((status == PositionStatus.CLOSED) != (closedAt != null)) {
            throw new IllegalArgumentException("a position has closedAt exactly when it is CLOSED");
        }
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
