package dev.peregrine.risk.domain.sizing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One named limit as it stood for a decision: its ceiling, what is used of it, and what it did.
 *
 * @param limit    the ceiling (quote asset for value limits, a count for counts)
 * @param used     what is used of it before this order
 * @param room     base quantity that fits under it at the entry price; null for limits that count orders
 * @param status   PASS (room for the base size), CAPS (less room than the base size) or BLOCKS (no room at all)
 * @param detail   the numbers in words
 */
public record LimitCheck(
        String name, BigDecimal limit, BigDecimal used, BigDecimal room, Status status, String detail) {

    public enum Status {
        PASS,
        CAPS,
        BLOCKS
    }

    public LimitCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }
}
