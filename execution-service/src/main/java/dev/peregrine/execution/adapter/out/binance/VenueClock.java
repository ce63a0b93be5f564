package dev.peregrine.execution.adapter.out.binance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The venue's clock as seen from here: the local clock plus an offset measured from {@code GET /api/v3/time}.
 * Signed calls carry {@link #timestampMillis()}, so a local clock that drifted (or a venue on another clock, like
 * exchange-sim's market time) does not get them refused with -1021.
 *
 * <p>The offset assumes the server read its clock half-way through the round trip: offset = serverTime - (sent +
 * received) / 2, in error by at most half the round trip.
 */
public final class VenueClock {

    private final Clock local;
    private volatile long offsetMillis;
    private volatile long lastRoundTripMillis = -1;

    public VenueClock(Clock local) {
        this.local = Objects.requireNonNull(local, "local");
    }

    /** Asks {@code serverTime} once and, when it answered, takes the offset from it; returns the new offset. */
    public BinanceAnswer<Duration> sync(Supplier<BinanceAnswer<Instant>> serverTime) {
        long sent = local.millis();
        BinanceAnswer<Instant> answer = serverTime.get();
        long received = local.millis();
        return answer.map(server -> {
            offsetMillis = server.toEpochMilli() - Math.floorDiv(sent + received, 2);
            lastRoundTripMillis = received - sent;
            return offset();
        });
    }

    /** The venue's time now, in epoch milliseconds: what a signed call sends as {@code timestamp}. */
    public long timestampMillis() {
        return local.millis() + offsetMillis;
    }

    /** How far the venue's clock is ahead of the local one (negative: behind); zero until the first sync. */
    public Duration offset() {
        return Duration.ofMillis(offsetMillis);
    }

    /** The round trip of the last successful sync (its offset is good to half of it); -1 ms before the first. */
    public Duration lastRoundTrip() {
        return Duration.ofMillis(lastRoundTripMillis);
    }
}
