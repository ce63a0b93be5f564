package dev.peregrine.backtest.research.stats;

import java.time.Instant;
import java.util.Objects;

/**
 * One closed trade as the research maths sees it.
 *
 * @param closedAt  when the trade was closed (market time)
 * @param netReturn its return after fees and slippage, as a fraction of the capital it used
 */
public record TradeOutcome(Instant closedAt, double netReturn) {

    public TradeOutcome {
        Objects.requireNonNull(closedAt, "closedAt");
        if (!Double.isFinite(netReturn)) {
            throw new IllegalArgumentException("netReturn must be finite: " + netReturn);
        }
    }
}
