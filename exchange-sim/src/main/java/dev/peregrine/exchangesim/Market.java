package dev.peregrine.exchangesim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recorded klines and how far each series has been released. Only released klines exist for clients:
 * the market "now" is the close time of the last one, and nothing later is ever served.
 */
final class Market {

    /** A kline that has just become visible, with the trade id its stream message starts at. */
    record Release(SeriesKey series, Kline kline, int index, long firstTradeId) {}

    private static final class Series {
        final SeriesKey key;
        final List<Kline> klines;
        final long[] firstTradeIds;
        /** Written under the Market lock, read without it: klines below this index are immutable and visible. */
        volatile int released;

        Series(SeriesKey key, List<Kline> klines) {
            this.key = key;
            this.klines = List.copyOf(klines);
            this.firstTradeIds = new long[klines.size()];
            long next = 1;
            for (int i = 0; i < klines.size(); i++) {
                firstTradeIds[i] = next;
                next += klines.get(i).trades();
            }
        }

        Release release(int index) {
            return new Release(key, klines.get(index), index, firstTradeIds[index]);
        }
    }

    private final Map<SeriesKey, Series> series = new LinkedHashMap<>();
    private Release last;
    private Instant now;

    Market(Map<SeriesKey, List<Kline>> klines) {
        klines.forEach((key, list) -> series.put(key, new Series(key, list)));
        this.now = series.values().stream()
                .filter(s -> !s.klines.isEmpty())
                .map(s -> s.klines.getFirst().openTime())
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** Releases the next {@code count} klines of every series, series by series for each step. */
    synchronized List<Release> advance(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("cannot release a negative number of klines: " + count);
        }
        List<Release> released = new ArrayList<>();
        for (int step = 0; step < count; step++) {
            for (Series s : series.values()) {
                if (s.released < s.klines.size()) {
                    released.add(releaseNext(s));
                }
            }
        }
        return released;
    }

    /**
     * Releases, in close-time order, every kline of every series that has closed by {@code marketTime}; klines
     * closing at the same instant go in configuration order of their series.
     */
    synchronized List<Release> advanceTo(Instant marketTime) {
        List<Release> released = new ArrayList<>();
        while (true) {
            Series next = null;
            for (Series s : series.values()) {
                if (s.released < s.klines.size()
                        && !s.klines.get(s.released).closeTime().isAfter(marketTime)
                        && (next == null
                                || s.klines
                                        .get(s.released)
                                        .closeTime()
                                        .isBefore(next.klines.get(next.released).closeTime()))) {
                    next = s;
                }
            }
            if (next == null) {
                return released;
            }
            released.add(releaseNext(next));
        }
    }

    private Release releaseNext(Series s) {
        Release release = s.release(s.released);
        s.released = s.released + 1;
        last = release;
        if (now == null || release.kline().closeTime().isAfter(now)) {
            now = release.kline().closeTime();
        }
        return release;
    }

    /** The released klines of a series (empty for an unknown series), oldest first. */
    List<Kline> released(SeriesKey key) {
        Series s = series.get(key);
        return s == null ? List.of() : s.klines.subList(0, s.released);
    }

    /** The close time of the last released kline; before any release, the open time of the earliest kline. */
    synchronized Optional<Instant> now() {
        return Optional.ofNullable(now);
    }

    synchronized Optional<Release> lastRelease() {
        return Optional.ofNullable(last);
    }

    /** The kline released just before the last one of the same series, if there is one. */
    synchronized Optional<Release> previousOfLastSeries() {
        if (last == null || last.index() == 0) {
            return Optional.empty();
        }
        return Optional.of(series.get(last.series()).release(last.index() - 1));
    }

    synchronized boolean exhausted() {
        return series.values().stream().allMatch(s -> s.released == s.klines.size());
    }
}
