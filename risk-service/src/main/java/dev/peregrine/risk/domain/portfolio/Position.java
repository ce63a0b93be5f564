package dev.peregrine.risk.domain.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One strategy's long position in one symbol, from its opening fill to the fill that sells its last unit.
 * Immutable: each fill returns the next version.
 *
 * <p>Accounting (all in the quote asset, exact): {@code cost} is what the held quantity cost, excluding fees
 * paid in the quote asset (those are realised at once) but including base-asset fees on entry (the base kept is
 * less than the base bought, so the units held cost more). A sale realises its proceeds less the cost share of
 * the units that left the account and less its quote fee. So realised plus unrealised P&L always equals the
 * change in equity this position caused.
 *
 * @param quantity    base asset held (zero once closed)
 * @param cost        quote asset paid for what is held
 * @param realisedPnl realised P&L so far, fees included
 * @param fees        every fee of this position valued in the quote asset when paid (reporting)
 * @param stopLoss    the protective stop of the latest entry (null if none)
 * @param takeProfit  the take-profit of the latest entry (null if none)
 * @param lastAverage the average entry of what was held before the latest fill: what a closed position is shown with
 */
public record Position(
        UUID positionId,
        PositionKey key,
        BigDecimal quantity,
        BigDecimal cost,
        BigDecimal realisedPnl,
        BigDecimal fees,
        Instant openedAt,
        Instant closedAt,
        UUID entrySignalId,
        BigDecimal stopLoss,
        BigDecimal takeProfit,
        String closeReason,
        String lastCause,
        BigDecimal lastAverage) {

    public Position {
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(realisedPnl, "realisedPnl");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(lastCause, "lastCause");
        Objects.requireNonNull(lastAverage, "lastAverage");
        if (quantity.signum() < 0) {
            throw new IllegalStateException(
                    "position " + key + " would hold a negative quantity: " + quantity.toPlainString());
        }
        if ((closedAt != null) != (quantity.signum() == 0)) {
            throw new IllegalArgumentException("a position is closed exactly when it holds nothing");
        }
    }

    /** The position a first purchase opens; see {@link #buy} for the arguments. */
    static Position open(
            UUID positionId,
            PositionKey key,
            Instant at,
            UUID entrySignalId,
            BigDecimal stopLoss,
            BigDecimal takeProfit,
            BigDecimal bought,
            BigDecimal price,
            BigDecimal baseFee,
            BigDecimal quoteFee,
            BigDecimal feeValue,
            String cause) {
        BigDecimal kept = keptOf(bought, baseFee);
        BigDecimal cost = Money18.capScale(bought.multiply(price));
        return new Position(
                positionId,
                key,
                kept,
                cost,
                quoteFee.negate(),
                feeValue,
                at,
                null,
                entrySignalId,
                stopLoss,
                takeProfit,
                null,
                cause,
                Money18.divide(cost, kept));
    }

    private static BigDecimal keptOf(BigDecimal bought, BigDecimal baseFee) {
        BigDecimal kept = bought.subtract(baseFee);
        if (kept.signum() <= 0) {
            throw new IllegalArgumentException(
                    "a fee of " + baseFee.toPlainString() + " takes all of the " + bought.toPlainString() + " bought");
        }
        return kept;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** Average price paid per unit held (cost / quantity), 18 decimals; once closed, the average it was sold from. */
    public BigDecimal averageEntry() {
        return quantity.signum() == 0 ? lastAverage : Money18.divide(cost, quantity);
    }

    public BigDecimal marketValue(BigDecimal mark) {
        return Money18.capScale(quantity.multiply(mark));
    }

    public BigDecimal unrealisedPnl(BigDecimal mark) {
        return marketValue(mark).subtract(cost);
    }

    /**
     * A purchase: {@code bought} base at {@code price}, of which {@code baseFee} was kept by the venue, plus a fee
     * worth {@code quoteFee} paid from another asset (quote or third asset).
     */
    Position buy(
            BigDecimal bought,
            BigDecimal price,
            BigDecimal baseFee,
            BigDecimal quoteFee,
            BigDecimal feeValue,
            String cause) {
        BigDecimal kept = keptOf(bought, baseFee);
        BigDecimal paid = Money18.capScale(bought.multiply(price));
        BigDecimal newQuantity = quantity.add(kept);
        BigDecimal newCost = cost.add(paid);
        return new Position(
                positionId,
                key,
                newQuantity,
                newCost,
                realisedPnl.subtract(quoteFee),
                fees.add(feeValue),
                openedAt,
                null,
                entrySignalId,
                stopLoss,
                takeProfit,
                null,
                cause,
                Money18.divide(newCost, newQuantity));
    }

    /**
     * A sale of {@code sold} base at {@code price}; {@code baseFee} more base left the account as the fee, and
     * {@code quoteFee} was paid from the proceeds or another asset.
     */
    Position sell(
            BigDecimal sold,
            BigDecimal price,
            BigDecimal baseFee,
            BigDecimal quoteFee,
            BigDecimal feeValue,
            Instant at,
            String cause,
            String reason) {
        BigDecimal leaving = sold.add(baseFee);
        if (leaving.compareTo(quantity) > 0) {
            throw new IllegalStateException("position " + key + " holds " + quantity.toPlainString() + ", cannot sell "
                    + leaving.toPlainString());
        }
        BigDecimal costShare =
                leaving.compareTo(quantity) == 0 ? cost : Money18.divide(cost.multiply(leaving), quantity);
        BigDecimal proceeds = Money18.capScale(sold.multiply(price));
        BigDecimal remaining = quantity.subtract(leaving);
        boolean closes = remaining.signum() == 0;
        return new Position(
                positionId,
                key,
                remaining,
                cost.subtract(costShare),
                realisedPnl.add(proceeds).subtract(costShare).subtract(quoteFee),
                fees.add(feeValue),
                openedAt,
                closes ? at : null,
                entrySignalId,
                stopLoss,
                takeProfit,
                closes ? reason : null,
                cause,
                averageEntry());
    }

    Position withProtection(BigDecimal newStopLoss, BigDecimal newTakeProfit) {
        return new Position(
                positionId,
                key,
                quantity,
                cost,
                realisedPnl,
                fees,
                openedAt,
                closedAt,
                entrySignalId,
                newStopLoss,
                newTakeProfit,
                closeReason,
                lastCause,
                lastAverage);
    }
}
