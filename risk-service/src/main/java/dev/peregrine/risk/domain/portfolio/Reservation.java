package dev.peregrine.risk.domain.portfolio;

import dev.peregrine.common.event.OrderPurpose;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What an order sent but not yet finished holds back, so that two approvals cannot spend the same money and
 * two exits cannot sell the same units. An entry reserves quote asset, an exit reserves the base it sells.
 * Released exactly once: when the order fills completely, is canceled or is rejected.
 *
 * @param quoteAmount   quote asset an entry may still spend (zero for an exit)
 * @param baseQuantity  base asset an exit may still sell (zero for an entry)
 * @param entrySignalId the signal an entry answers, kept for the position it opens
 * @param stopLoss      the entry's protective stop, kept for the position it opens (null for exits)
 * @param takeProfit    the entry's take-profit, kept for the position it opens (null for exits)
 */
public record Reservation(
        String clientOrderId,
        PositionKey key,
        OrderPurpose purpose,
        BigDecimal quoteAmount,
        BigDecimal baseQuantity,
        UUID entrySignalId,
        BigDecimal stopLoss,
        BigDecimal takeProfit,
        Instant createdAt) {

    public Reservation {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(quoteAmount, "quoteAmount");
        Objects.requireNonNull(baseQuantity, "baseQuantity");
        Objects.requireNonNull(createdAt, "createdAt");
        if (quoteAmount.signum() < 0 || baseQuantity.signum() < 0) {
            throw new IllegalArgumentException("a reservation holds back a non-negative amount");
        }
    }

    public static Reservation entry(
            String clientOrderId,
            PositionKey key,
            BigDecimal quoteAmount,
            UUID signalId,
            BigDecimal stopLoss,
            BigDecimal takeProfit,
            Instant at) {
        return new Reservation(
                clientOrderId,
                key,
                OrderPurpose.ENTRY,
                quoteAmount,
                BigDecimal.ZERO,
                signalId,
                stopLoss,
                takeProfit,
                at);
    }

    public static Reservation exit(String clientOrderId, PositionKey key, BigDecimal baseQuantity, Instant at) {
        return new Reservation(
                clientOrderId, key, OrderPurpose.EXIT, BigDecimal.ZERO, baseQuantity, null, null, null, at);
    }

    /** What is left after a partial fill spent {@code quote} or sold {@code base}; never below zero. */
    Reservation lessen(BigDecimal quote, BigDecimal base) {
        return new Reservation(
                clientOrderId,
                key,
                purpose,
                quoteAmount.subtract(quote).max(BigDecimal.ZERO),
                baseQuantity.subtract(base).max(BigDecimal.ZERO),
                entrySignalId,
                stopLoss,
                takeProfit,
                createdAt);
    }
}
