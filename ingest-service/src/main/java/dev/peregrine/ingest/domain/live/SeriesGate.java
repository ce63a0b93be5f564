package dev.peregrine.ingest.domain.live;

import dev.peregrine.ingest.domain.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts one series' closed candles in order before the quality stage, whether they came from the stream or a REST
 * backfill, so that every candle reaches the stage once and in open-time order.
 *
 * <ul>
 *   <li>While a backfill of the series runs, live closed candles are held. When it completes, the backfilled
 *       candles after the last one released and the held ones are merged by open time (one per open time, the
 *       backfilled one first) and released together.</li>
 *   <li>A live candle that leaves a hole after the last released one starts a backfill of the hole and is held.</li>
 *   <li>Any other live candle is released at once, even a repeated or older one: the quality stage judges and
 *       records those as DUPLICATE or OUT_OF_ORDER.</li>
 *   <li>A backfill asked for while one runs is remembered and started when the running one completes, from the
 *       last candle released then.</li>
 * </ul>
 *
 * <p>The overlap between a backfill and what was released or held is expected (a reconnect cannot tell where the
 * stream stopped), so it is dropped silently rather than reported. Not thread-safe: one feed thread uses it.
 */
public final class SeriesGate {

    private final Series series;
    private final Duration interval;
    private Instant lastReleased;
    private boolean backfilling;
    private boolean again;
    private final TreeMap<Instant, CandleArrival> held = new TreeMap<>();

    /** @param lastReleased the open time of the series' last candle published before (e.g. by an earlier process) */
    public SeriesGate(Series series, Optional<Instant> lastReleased) {
        this.series = Objects.requireNonNull(series, "series");
        this.interval = series.interval().length();
        this.lastReleased = Objects.requireNonNull(lastReleased, "lastReleased").orElse(null);
    }

    /** What became of a live candle. */
    public sealed interface Offer {}

    /** Go on to the quality stage now. */
    public record Release(CandleArrival arrival) implements Offer {}

    /** Held until the running backfill completes. */
    public record Held() implements Offer {}

    /** Held, and candles are missing before it: backfill {@code range}. */
    public record Gap(BackfillRange range) implements Offer {}

    /**
     * What a completed backfill releases, in open-time order.
     *
     * @param again a backfill was asked for while this one ran: start it (from the last released candle)
     */
    public record Completion(List<CandleArrival> release, boolean again) {
        public Completion {
            release = List.copyOf(release);
        }
    }

    public Series series() {
        return series;
    }

    public Optional<Instant> lastReleased() {
        return Optional.ofNullable(lastReleased);
    }

    public boolean backfilling() {
        return backfilling;
    }

    public int heldCount() {
        return held.size();
    }

    public Offer offerLive(CandleArrival arrival) {
        requireSeries(arrival);
        if (backfilling) {
            held.putIfAbsent(arrival.openTime(), arrival);
            return new Held();
        }
        if (lastReleased != null && arrival.openTime().isAfter(lastReleased.plus(interval))) {
            backfilling = true;
            held.put(arrival.openTime(), arrival);
            return new Gap(BackfillRange.between(
                    lastReleased.plus(interval), arrival.openTime().minusMillis(1)));
        }
        advance(arrival.openTime());
        return new Release(arrival);
    }

    /**
     * Starts a backfill unless one runs (then it is remembered, see {@link Completion#again()}): from the candle
     * after the last released one, or the latest {@code depth} when nothing was released yet.
     */
    public Optional<BackfillRange> beginBackfill(int depth) {
        if (backfilling) {
            again = true;
            return Optional.empty();
        }
        backfilling = true;
        return Optional.of(
                lastReleased == null ? BackfillRange.latest(depth) : BackfillRange.since(lastReleased.plus(interval)));
    }

    /** Releases what the backfill found after the last released candle together with the held candles. */
    public Completion completeBackfill(List<CandleArrival> fetched) {
        if (!backfilling) {
            throw new IllegalStateException("no backfill of " + series + " is running");
        }
        TreeMap<Instant, CandleArrival> merged = new TreeMap<>();
        for (CandleArrival arrival : fetched) {
            requireSeries(arrival);
            if (lastReleased == null || arrival.openTime().isAfter(lastReleased)) {
                merged.putIfAbsent(arrival.openTime(), arrival);
            }
        }
        held.forEach(merged::putIfAbsent);
        held.clear();
        backfilling = false;
        boolean rerun = again;
        again = false;
        List<CandleArrival> release = new ArrayList<>(merged.values());
        if (!release.isEmpty()) {
            advance(release.getLast().openTime());
        }
        return new Completion(release, rerun);
    }

    /** A backfill that failed: the held candles go on, the hole before them stays (the stage flags it GAP). */
    public Completion failBackfill() {
        return completeBackfill(List.of());
    }

    private void advance(Instant openTime) {
        if (lastReleased == null || openTime.isAfter(lastReleased)) {
            lastReleased = openTime;
        }
    }

    private void requireSeries(CandleArrival arrival) {
        if (!arrival.candle().series().equals(series)) {
            throw new IllegalArgumentException(
                    "a candle of " + arrival.candle().series() + " offered to the gate of " + series);
        }
    }
}
