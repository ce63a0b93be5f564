package dev.peregrine.ingest.domain;

import dev.peregrine.common.value.Interval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The first data-quality stage: judges a candle against the interval's grid and the previous candle of its
 * series. It flags rather than repairs: a gap stays a gap, and a broken candle is published with its flag so
 * that downstream services can decide not to trade on it.
 */
public final class CandleQualityRules {

    /** Binance's weekly klines open on Monday 00:00 UTC; 1970-01-01 was a Thursday. */
    private static final long WEEK_GRID_OFFSET_MILLIS = Duration.ofDays(4).toMillis();

    /** The flag names for {@code candle}; {@code previous} is the last accepted candle of the series, or null. */
    public List<String> flags(Candle candle, Candle previous) {
        return check(candle, previous).flagNames();
    }

    public QualityCheck check(Candle candle, Candle previous) {
        if (previous != null) {
            int order = candle.openTime().compareTo(previous.openTime());
            if (order == 0) {
                return new QualityCheck(List.of(new QualityViolation(QualityFlag.DUPLICATE,
                        "open_time " + candle.openTime() + " repeats the previous candle's")));
            }
            if (order < 0) {
                return new QualityCheck(List.of(new QualityViolation(QualityFlag.OUT_OF_ORDER,
                        "open_time " + candle.openTime() + " is before the previous candle's open_time " + previous.openTime())));
            }
        }
        List<QualityViolation> violations = new ArrayList<>(3);
        checkOhlc(candle, violations);
        checkGrid(candle, violations);
        if (previous != null) {
            checkGap(candle, previous, violations);
        }
        return new QualityCheck(violations);
    }

    private static void checkOhlc(Candle c, List<QualityViolation> violations) {
        boolean consistent = c.low().compareTo(c.open().min(c.close())) <= 0
                && c.open().max(c.close()).compareTo(c.high()) <= 0
                && c.low().compareTo(c.high()) <= 0;
        if (!consistent) {
            violations.add(new QualityViolation(QualityFlag.OHLC_INCONSISTENT, "open=" + c.open().toPlainString()
                    + " high=" + c.high().toPlainString() + " low=" + c.low().toPlainString() + " close="
                    + c.close().toPlainString() + " at " + c.openTime()
                    + " break low <= min(open, close) <= max(open, close) <= high"));
        }
    }

    private static void checkGrid(Candle c, List<QualityViolation> violations) {
        long length = c.interval().millis();
        List<String> problems = new ArrayList<>(2);
        if (Math.floorMod(c.openTime().toEpochMilli() - gridOffset(c.interval()), length) != 0) {
            problems.add("open_time " + c.openTime() + " is not on the " + c.interval() + " grid");
        }
        Instant expectedClose = c.openTime().plusMillis(length - 1);
        if (!c.closeTime().equals(expectedClose)) {
            problems.add("close_time " + c.closeTime() + " should be " + expectedClose + " (open_time + "
                    + c.interval() + " - 1 ms)");
        }
        if (!problems.isEmpty()) {
            violations.add(new QualityViolation(QualityFlag.OFF_GRID, String.join("; ", problems)));
        }
    }

    private static void checkGap(Candle c, Candle previous, List<QualityViolation> violations) {
        long length = c.interval().millis();
        long distance = c.openTime().toEpochMilli() - previous.openTime().toEpochMilli();
        if (distance <= length) {
            return;
        }
        long missing = Math.ceilDiv(distance, length) - 1;
        Instant firstMissing = previous.openTime().plusMillis(length);
        Instant lastMissing = previous.openTime().plusMillis(missing * length);
        violations.add(new QualityViolation(QualityFlag.GAP, missing + " missing " + c.interval()
                + " candle(s) of " + c.symbol() + ": open times " + firstMissing + " to " + lastMissing
                + " (previous open " + previous.openTime() + ", next open " + c.openTime() + ")"));
    }

    private static long gridOffset(Interval interval) {
        // Daily and shorter intervals are aligned to the Unix epoch; 3d is assumed to be too (not yet verified
        // against Binance's 3d klines).
        return interval == Interval.ONE_WEEK ? WEEK_GRID_OFFSET_MILLIS : 0;
    }
}
