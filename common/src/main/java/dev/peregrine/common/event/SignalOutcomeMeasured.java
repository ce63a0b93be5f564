package dev.peregrine.common.event;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How a signal did over a fixed horizon after it was issued, measured from closed candles: entry at the open of the
 * first candle after the signal's candle, exit at the open of the first candle at least {@code horizon} after the
 * entry. Returns are fractions (0.0125 = 1.25 % = 125 bps) in the signal's direction: positive = the signal was right.
 * The signal's own fields are repeated so that a consumer can group outcomes without joining.
 *
 * @param interval               the candle interval the signal and its outcome were computed on
 * @param regime                 the signal's market regime; null when the producer did not classify it
 * @param entryTime              open time of the entry candle
 * @param exitTime               open time of the exit candle
 * @param forwardReturn          gross return in the signal's direction, {@code (exit - entry) / entry}, negated for SELL
 * @param roundTripCost          the cost charged for entering and leaving, as a fraction of the entry
 * @param netReturn              {@code forwardReturn - roundTripCost}
 * @param maxFavourableExcursion best move in the signal's direction while held (highs for BUY, lows for SELL), >= 0
 * @param maxAdverseExcursion    worst move against it while held (lows for BUY, highs for SELL), <= 0
 * @param hit                    {@code netReturn > 0}
 * @param flags                  irregularities, e.g. {@code GAP} (a candle was missing, the exit moved to the next open)
 */
public record SignalOutcomeMeasured(
        Envelope envelope,
        UUID signalId,
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
        Duration horizon,
        Instant entryTime,
        Price entryPrice,
        Instant exitTime,
        Price exitPrice,
        BigDecimal forwardReturn,
        BigDecimal roundTripCost,
        BigDecimal netReturn,
        BigDecimal maxFavourableExcursion,
        BigDecimal maxAdverseExcursion,
        boolean hit,
        List<String> flags)
        implements SignalOutcomeEvent {

    public SignalOutcomeMeasured {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(forwardReturn, "forwardReturn");
        Objects.requireNonNull(roundTripCost, "roundTripCost");
        Objects.requireNonNull(netReturn, "netReturn");
        Objects.requireNonNull(maxFavourableExcursion, "maxFavourableExcursion");
        Objects.requireNonNull(maxAdverseExcursion, "maxAdverseExcursion");
        flags = List.copyOf(Objects.requireNonNull(flags, "flags"));
        if (strength < 0 || strength > 100) {
            throw new IllegalArgumentException("strength must be 0-100: " + strength);
        }
        Ranges.requireUnit("confidence", confidence);
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
        if (!exitTime.isAfter(entryTime)) {
            throw new IllegalArgumentException("exitTime must be after entryTime");
        }
        if (roundTripCost.signum() < 0) {
            throw new IllegalArgumentException("roundTripCost must not be negative: " + roundTripCost);
        }
        if (maxFavourableExcursion.signum() < 0 || maxAdverseExcursion.signum() > 0) {
            throw new IllegalArgumentException("excursions must be favourable >= 0 and adverse <= 0");
        }
        if (hit != (netReturn.signum() > 0)) {
            throw new IllegalArgumentException("hit must be exactly netReturn > 0");
        }
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
