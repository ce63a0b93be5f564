package dev.peregrine.ingest.domain.quality;

import dev.peregrine.common.value.Interval;
import dev.peregrine.ingest.domain.Candle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules that need nothing but the candle and, for GAP, the previous candle of its series. */
final class CandleRules {

    /** Binance's weekly klines open on Monday 00:00 UTC; 1970-01-01 was a Thursday. */
    private static final long WEEK_GRID_OFFSET_MILLIS = Duration.ofDays(4).toMillis();

    private CandleRules() {}

    static Optional<QualityViolation> ohlc(Candle c) {
        boolean consistent = c.low().compareTo(c.open().min(c.close())) <= 0
                && c.open().max(c.close()).compareTo(c.high()) <= 0
                && c.low().compareTo(c.high()) <= 0;
        if (consistent) {
            return Optional.empty();
        }
        return Optional.of(new QualityViolation(
                QualityRule.OHLC_INCONSISTENT,
                "open=" + c.open().toPlainString()
                        + " high=" + c.high().toPlainString() + " low="
                        + c.low().toPlainString() + " close="
                        + c.close().toPlainString() + " at " + c.openTime()
                        + " break low <= min(open, close) <= max(open, close) <= high"));
    }

    static Optional<QualityViolation> volume(Candle c) {
        List<String> problems = new ArrayList<>(2);
        negative("volume", c.volume(), problems);
        negative("quote_volume", c.quoteVolume(), problems);
        negative("taker_buy_base_volume", c.takerBuyBaseVolume(), problems);
        negative("taker_buy_quote_volume", c.takerBuyQuoteVolume(), problems);
        if (c.takerBuyBaseVolume().compareTo(c.volume()) > 0) {
            problems.add("taker_buy_base_volume " + c.takerBuyBaseVolume().toPlainString() + " > volume "
                    + c.volume().toPlainString());
        }
        if (c.takerBuyQuoteVolume().compareTo(c.quoteVolume()) > 0) {
            problems.add("taker_buy_quote_volume " + c.takerBuyQuoteVolume().toPlainString() + " > quote_volume "
                    + c.quoteVolume().toPlainString());
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QualityViolation(
                QualityRule.VOLUME_INCONSISTENT, String.join("; ", problems) + " at " + c.openTime()));
    }

    private static void negative(String name, BigDecimal value, List<String> problems) {
        if (value.signum() < 0) {
            problems.add(name + " " + value.toPlainString() + " is negative");
        }
    }

    static Optional<QualityViolation> grid(Candle c) {
        long length = c.interval().millis();
        List<String> problems = new ArrayList<>(2);
        if (Math.floorMod(c.openTime().toEpochMilli() - gridOffset(c.interval()), length) != 0) {
            problems.add("open_time " + c.openTime() + " is not on the " + c.interval() + " grid");
        }
        Instant expectedClose = c.openTime().plusMillis(length - 1);
        if (!c.closeTime().equals(expectedClose)) {
            problems.add("close_time " + c.closeTime() + " should be " + expectedClose + " (open_time + " + c.interval()
                    + " - 1 ms)");
        }
        return problems.isEmpty()
                ? Optional.empty()
                : Optional.of(new QualityViolation(QualityRule.OFF_GRID, String.join("; ", problems)));
    }

    /** {@code previous} opened before {@code c}. */
    static Optional<QualityViolation> gap(Candle c, Candle previous) {
        long length = c.interval().millis();
        long distance = c.openTime().toEpochMilli() - previous.openTime().toEpochMilli();
        if (distance <= length) {
            return Optional.empty();
        }
        long missing = Math.ceilDiv(distance, length) - 1;
        Instant firstMissing = previous.openTime().plusMillis(length);
        Instant lastMissing = previous.openTime().plusMillis(missing * length);
        return Optional.of(new QualityViolation(
                QualityRule.GAP,
                missing + " missing " + c.interval()
                        + " candle(s) of " + c.symbol() + ": open times " + firstMissing + " to " + lastMissing
                        + " (previous open " + previous.openTime() + ", next open " + c.openTime() + ")"));
    }

    private static long gridOffset(Interval interval) {
        // Daily and shorter intervals are aligned to the Unix epoch; 3d is assumed to be too (not yet verified
        // against Binance's 3d klines).
        return interval == Interval.ONE_WEEK ? WEEK_GRID_OFFSET_MILLIS : 0;
    }
}
