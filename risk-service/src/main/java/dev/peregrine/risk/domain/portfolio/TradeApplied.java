package dev.peregrine.risk.domain.portfolio;

import java.util.List;

/**
 * What one trade did to the portfolio.
 *
 * @param before    the strategy's position before (null if it held nothing)
 * @param after     the position after (closed if the trade sold its last unit; null if a sale found none)
 * @param anomalies facts that should not happen (a sale beyond the position, negative cash), for the audit
 */
public record TradeApplied(Trade trade, Position before, Position after, List<String> anomalies) {

    public boolean closed() {
        return after != null && !after.isOpen();
    }
}
