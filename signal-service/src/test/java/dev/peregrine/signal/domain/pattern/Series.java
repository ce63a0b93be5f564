package dev.peregrine.signal.domain.pattern;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Constructed bar series for pattern tests: closes follow straight segments between anchor points, every
 * bar's high and low sit {@link #HALF_RANGE} above and below its close, volume is {@link #VOLUME}. A swing
 * high at an anchor therefore has price {@code anchor + 0.25}, a swing low {@code anchor - 0.25}.
 */
final class Series {

    static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
    static final Duration BAR = Duration.ofHours(1);
    static final double HALF_RANGE = 0.25;
    static final double VOLUME = 1000;

    record Point(int bar, double price) {}

    private Series() {}

    static Point at(int bar, double price) {
        return new Point(bar, price);
    }

    static PatternBar bar(int index, double close) {
        return new PatternBar(
                START.plus(BAR.multipliedBy(index)), close + HALF_RANGE, close - HALF_RANGE, close, VOLUME);
    }

    /** Bars 0 to the last anchor's bar; the first anchor must be at bar 0. */
    static List<PatternBar> path(Point... points) {
        if (points[0].bar() != 0) {
            throw new IllegalArgumentException("the first anchor must be bar 0");
        }
        List<PatternBar> bars = new ArrayList<>();
        bars.add(bar(0, points[0].price()));
        for (int segment = 1; segment < points.length; segment++) {
            Point from = points[segment - 1];
            Point to = points[segment];
            for (int i = from.bar() + 1; i <= to.bar(); i++) {
                double close = from.price() + (to.price() - from.price()) * (i - from.bar()) / (to.bar() - from.bar());
                bars.add(bar(i, close));
            }
        }
        return bars;
    }

    /** The same series upside down around {@code axis}: tops become bottoms, highs become lows. */
    static List<PatternBar> mirrored(List<PatternBar> bars, double axis) {
        return bars.stream()
                .map(b -> new PatternBar(b.openTime(), axis - b.low(), axis - b.high(), axis - b.close(), b.volume()))
                .toList();
    }

    static List<PatternBar> withVolume(List<PatternBar> bars, int index, double volume) {
        List<PatternBar> copy = new ArrayList<>(bars);
        PatternBar b = copy.get(index);
        copy.set(index, new PatternBar(b.openTime(), b.high(), b.low(), b.close(), volume));
        return copy;
    }

    /** Every pattern the detector reports over the whole series, in order. */
    static List<PatternMatch> detectAll(PatternDetector detector, List<PatternBar> bars) {
        List<PatternMatch> all = new ArrayList<>();
        for (PatternBar bar : bars) {
            all.addAll(detector.onBar(bar));
        }
        return all;
    }

    static List<PatternMatch> detectAll(List<PatternBar> bars) {
        return detectAll(PatternDetector.withDefaults(), bars);
    }
}
