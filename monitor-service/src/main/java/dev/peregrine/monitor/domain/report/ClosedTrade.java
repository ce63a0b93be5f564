package dev.peregrine.monitor.domain.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A closed position as a report counts it: its realised P&L (fees included) and fees in the quote currency. */
public record ClosedTrade(String strategy, Instant closedAt, BigDecimal realisedPnl, BigDecimal fees, String currency) {

    public ClosedTrade {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(realisedPnl, "realisedPnl");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(currency, "currency");
    }

    public boolean win() {
        return realisedPnl.signum() > 0;
    }
}
