package dev.peregrine.monitor.domain.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the market did after a signal over one horizon. Returns are fractions in the signal's direction.
 *
 * @param exitCandleClose close time of the exit candle: when the exit open became known to the monitor
 */
public record OutcomeMeasurement(
        Instant entryTime,
        BigDecimal entryPrice,
        Instant exitTime,
        BigDecimal exitPrice,
        Instant exitCandleClose,
        BigDecimal grossReturn,
        BigDecimal roundTripCost,
        BigDecimal netReturn,
        BigDecimal maxFavourableExcursion,
        BigDecimal maxAdverseExcursion,
        List<OutcomeFlag> flags) {

    public OutcomeMeasurement {
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(exitCandleClose, "exitCandleClose");
        Objects.requireNonNull(grossReturn, "grossReturn");
        Objects.requireNonNull(roundTripCost, "roundTripCost");
        Objects.requireNonNull(netReturn, "netReturn");
        Objects.requireNonNull(maxFavourableExcursion, "maxFavourableExcursion");
        Objects.requireNonNull(maxAdverseExcursion, "maxAdverseExcursion");
        flags = List.copyOf(flags);
    }

    /** A hit: the signal earned more than its round-trip cost. */
    public boolean hit() {
        return netReturn.signum() > 0;
    }
}
