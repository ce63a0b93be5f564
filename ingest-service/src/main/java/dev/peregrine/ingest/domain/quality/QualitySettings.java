package dev.peregrine.ingest.domain.quality;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which rules run and their thresholds. A disabled rule is not evaluated: no flag, no incident, no count. A
 * disabled record rule (MALFORMED_RECORD, BAD_NUMBER) only silences the incident: the record still cannot become
 * a candle. A disabled DUPLICATE or OUT_OF_ORDER lets such candles through to the store, which keeps the first
 * candle per open time, so a late candle can fill a gap.
 *
 * @param enabled the rules that run
 */
public record QualitySettings(
        Set<QualityRule> enabled, StaleStream staleStream, PriceJump priceJump, LastTrade lastTrade) {

    public QualitySettings {
        enabled = Set.copyOf(Objects.requireNonNull(enabled, "enabled"));
        Objects.requireNonNull(staleStream, "staleStream");
        Objects.requireNonNull(priceJump, "priceJump");
        Objects.requireNonNull(lastTrade, "lastTrade");
    }

    /** Every rule on, with the thresholds documented in docs/ingest.md. */
    public static QualitySettings defaults() {
        return new QualitySettings(
                EnumSet.allOf(QualityRule.class),
                new StaleStream(3),
                new PriceJump(100, 100, 10.0, 10.0),
                new LastTrade(BigDecimal.ONE, 10_000));
    }

    public boolean isEnabled(QualityRule rule) {
        return enabled.contains(rule);
    }

    public QualitySettings without(QualityRule rule) {
        Set<QualityRule> rules = enabled.isEmpty() ? EnumSet.noneOf(QualityRule.class) : EnumSet.copyOf(enabled);
        rules.remove(rule);
        return new QualitySettings(rules, staleStream, priceJump, lastTrade);
    }

    /** @param intervals a series is stale after more than this many of its intervals without an update */
    public record StaleStream(int intervals) {
        public StaleStream {
            if (intervals < 1) {
                throw new IllegalArgumentException("stale-stream intervals must be at least 1, was " + intervals);
            }
        }
    }

    /**
     * @param window     how many recent close-to-close log returns the median absolute deviation is taken over
     * @param warmUp     returns a series needs before the rule judges it (at most {@code window})
     * @param k          how many robust standard deviations (1.4826 x MAD) a return may reach
     * @param minJumpBps a floor for the bound, in basis points of log return, so that a series whose returns are
     *                   mostly zero (MAD 0) does not flag every tick
     */
    public record PriceJump(int window, int warmUp, double k, double minJumpBps) {
        public PriceJump {
            if (window < 2) {
                throw new IllegalArgumentException("price-jump window must be at least 2, was " + window);
            }
            if (warmUp < 2 || warmUp > window) {
                throw new IllegalArgumentException(
                        "price-jump warm-up must be between 2 and the window (" + window + "), was " + warmUp);
            }
            if (!(k > 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("price-jump k must be a positive number, was " + k);
            }
            if (!(minJumpBps >= 0) || Double.isInfinite(minJumpBps)) {
                throw new IllegalArgumentException("price-jump min-jump-bps must be 0 or more, was " + minJumpBps);
            }
        }
    }

    /**
     * @param toleranceBps how far, in basis points of the last trade price, the kline close may be from it
     * @param tradeHistory trades kept per symbol to find the last one at or before a kline's close time
     */
    public record LastTrade(BigDecimal toleranceBps, int tradeHistory) {
        public LastTrade {
            Objects.requireNonNull(toleranceBps, "toleranceBps");
            if (toleranceBps.signum() < 0) {
                throw new IllegalArgumentException(
                        "kline-close-vs-last-trade tolerance-bps must be 0 or more, was " + toleranceBps);
            }
            if (tradeHistory < 1) {
                throw new IllegalArgumentException(
                        "kline-close-vs-last-trade trade-history must be at least 1, was " + tradeHistory);
            }
        }
    }
}
