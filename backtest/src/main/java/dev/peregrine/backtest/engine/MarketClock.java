package dev.peregrine.backtest.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The services' clock in a backtest: the market time of the candle being processed (its close time), moved by the
 * engine only, so every timestamp the services take (decision times, order times) is the data's own.
 */
final class MarketClock extends Clock {

    private Instant now = Instant.EPOCH;

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the market clock is UTC");
    }
}
