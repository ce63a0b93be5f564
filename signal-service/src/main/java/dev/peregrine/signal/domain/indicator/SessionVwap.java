package dev.peregrine.signal.domain.indicator;

import java.time.Instant;

/**
 * Volume-weighted average price of the current session, the UTC day a bar opened in:
 * {@code sum(typicalPrice * volume) / sum(volume)} with {@code typicalPrice = (high + low + close) / 3}, reset
 * on the first bar of each new UTC day. ta4j's VWAPIndicator is the same sum over a fixed number of bars
 * instead of a session.
 *
 * <p>Warm only when the session was seen from its first bar (one opening at 00:00 UTC) and has traded
 * volume: a VWAP that misses the start of the day is not the session's VWAP. Missing bars inside a session
 * are not detected. Sums are compensated. Not thread-safe.
 */
public final class SessionVwap {

    private final CompensatedSum priceVolume = new CompensatedSum();
    private final CompensatedSum volume = new CompensatedSum();
    private long day = Long.MIN_VALUE;
    private boolean fromSessionStart;

    public void update(Instant openTime, double high, double low, double close, double barVolume) {
        long barDay = UtcDays.dayOf(openTime);
        if (barDay != day) {
            day = barDay;
            fromSessionStart = UtcDays.isMidnight(openTime);
            priceVolume.reset();
            volume.reset();
        }
        priceVolume.add((high + low + close) / 3 * barVolume);
        volume.add(barVolume);
    }

    public boolean isWarm() {
        return fromSessionStart && volume.value() > 0;
    }

    public double value() {
        if (!isWarm()) {
            throw new IllegalStateException(
                    fromSessionStart ? "no volume traded yet this session" : "the session's first bar was not seen");
        }
        return priceVolume.value() / volume.value();
    }
}
