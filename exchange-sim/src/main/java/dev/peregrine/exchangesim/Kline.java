package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One recorded kline in Binance's column order. Decimals keep the scale they were recorded with, so the
 * simulator serves back exactly the text it was given (Binance's own files carry 8 decimals).
 */
public record Kline(
        Instant openTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        Instant closeTime,
        BigDecimal quoteVolume,
        long trades,
        BigDecimal takerBuyBaseVolume,
        BigDecimal takerBuyQuoteVolume) {

    public Kline {
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(closeTime, "closeTime");
        Objects.requireNonNull(quoteVolume, "quoteVolume");
        Objects.requireNonNull(takerBuyBaseVolume, "takerBuyBaseVolume");
        Objects.requireNonNull(takerBuyQuoteVolume, "takerBuyQuoteVolume");
        if (!closeTime.isAfter(openTime)) {
            throw new IllegalArgumentException(
                    "kline close time " + closeTime + " is not after its open time " + openTime);
        }
        if (trades < 0) {
            throw new IllegalArgumentException("kline trade count " + trades + " is negative");
        }
    }

    /**
     * A kline built from text values, as a test would write it: the close time is the last millisecond before the
     * next open (as Binance reports it), the quote volume is volume times close, and trade counts are zero.
     */
    public static Kline of(
            KlineInterval interval,
            Instant openTime,
            String open,
            String high,
            String low,
            String close,
            String volume) {
        Duration length = interval.fixedLength()
                .orElseThrow(() -> new IllegalArgumentException(
                        "interval " + interval + " has no fixed length; build the Kline with explicit times"));
        BigDecimal closePrice = new BigDecimal(close);
        BigDecimal baseVolume = new BigDecimal(volume);
        return new Kline(
                openTime,
                new BigDecimal(open),
                new BigDecimal(high),
                new BigDecimal(low),
                closePrice,
                baseVolume,
                openTime.plus(length).minusMillis(1),
                baseVolume.multiply(closePrice),
                0,
                BigDecimal.ZERO,
                BigDecimal.ZERO);
    }
}
