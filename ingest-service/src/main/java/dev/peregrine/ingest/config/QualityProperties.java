package dev.peregrine.ingest.config;

import dev.peregrine.ingest.domain.quality.QualityRule;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import dev.peregrine.ingest.domain.quality.StateLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code peregrine.ingest.quality}: one block per rule, named after it ({@code OFF_GRID} is {@code off-grid}),
 * each with its switch and, for the stateful rules, its thresholds and their validation. See docs/ingest.md.
 */
public record QualityProperties(
        @Valid @NotNull(message = "peregrine.ingest.quality.malformed-record must be present")
        Rule malformedRecord,

        @Valid @NotNull(message = "peregrine.ingest.quality.bad-number must be present")
        Rule badNumber,

        @Valid @NotNull(message = "peregrine.ingest.quality.ohlc-inconsistent must be present")
        Rule ohlcInconsistent,

        @Valid @NotNull(message = "peregrine.ingest.quality.volume-inconsistent must be present")
        Rule volumeInconsistent,

        @Valid @NotNull(message = "peregrine.ingest.quality.off-grid must be present")
        Rule offGrid,

        @Valid @NotNull(message = "peregrine.ingest.quality.duplicate must be present")
        Rule duplicate,

        @Valid @NotNull(message = "peregrine.ingest.quality.out-of-order must be present")
        Rule outOfOrder,

        @Valid @NotNull(message = "peregrine.ingest.quality.gap must be present")
        Rule gap,

        @Valid @NotNull(message = "peregrine.ingest.quality.stale-stream must be present")
        StaleStream staleStream,

        @Valid @NotNull(message = "peregrine.ingest.quality.price-jump must be present")
        PriceJump priceJump,

        @Valid @NotNull(message = "peregrine.ingest.quality.kline-close-vs-last-trade must be present")
        KlineCloseVsLastTrade klineCloseVsLastTrade,

        @Valid
        @NotNull(message = "peregrine.ingest.quality.state must be present (max-series, max-symbols, idle-after)")
        State state) {

    /** The domain's settings; call only on validated properties. */
    public QualitySettings toSettings() {
        Set<QualityRule> enabled = EnumSet.noneOf(QualityRule.class);
        enable(enabled, QualityRule.MALFORMED_RECORD, malformedRecord.enabled());
        enable(enabled, QualityRule.BAD_NUMBER, badNumber.enabled());
        enable(enabled, QualityRule.OHLC_INCONSISTENT, ohlcInconsistent.enabled());
        enable(enabled, QualityRule.VOLUME_INCONSISTENT, volumeInconsistent.enabled());
        enable(enabled, QualityRule.OFF_GRID, offGrid.enabled());
        enable(enabled, QualityRule.DUPLICATE, duplicate.enabled());
        enable(enabled, QualityRule.OUT_OF_ORDER, outOfOrder.enabled());
        enable(enabled, QualityRule.GAP, gap.enabled());
        enable(enabled, QualityRule.STALE_STREAM, staleStream.enabled());
        enable(enabled, QualityRule.PRICE_JUMP, priceJump.enabled());
        enable(enabled, QualityRule.KLINE_CLOSE_VS_LAST_TRADE, klineCloseVsLastTrade.enabled());
        return new QualitySettings(
                enabled,
                new QualitySettings.StaleStream(staleStream.intervals()),
                new QualitySettings.PriceJump(
                        priceJump.window(), priceJump.warmUp(), priceJump.k(), priceJump.minJumpBps()),
                new QualitySettings.LastTrade(
                        klineCloseVsLastTrade.toleranceBps(), klineCloseVsLastTrade.tradeHistory()));
    }

    private static void enable(Set<QualityRule> enabled, QualityRule rule, boolean on) {
        if (on) {
            enabled.add(rule);
        }
    }

    public record Rule(boolean enabled) {}

    /**
     * How much state each feed's quality stage holds (see {@link StateLimits}).
     *
     * @param maxSeries  series states held (and as many resume points); beyond it the least recently used go
     * @param maxSymbols symbols whose recent trades are held (each up to {@code trade-history} trades)
     * @param idleAfter  a series or symbol quiet this long in the feed's own time is dropped
     */
    public record State(
            @Min(value = 1, message = MAX_SERIES_MESSAGE) @Max(value = 1_000_000, message = MAX_SERIES_MESSAGE)
            int maxSeries,

            @Min(value = 1, message = MAX_SYMBOLS_MESSAGE) @Max(value = 100_000, message = MAX_SYMBOLS_MESSAGE)
            int maxSymbols,

            @NotNull(message = IDLE_MESSAGE) Duration idleAfter) {

        private static final String MAX_SERIES_MESSAGE = "peregrine.ingest.quality.state.max-series must be between 1 "
                + "and 1000000 (series states a feed holds), e.g. 5000";
        private static final String MAX_SYMBOLS_MESSAGE = "peregrine.ingest.quality.state.max-symbols must be between "
                + "1 and 100000 (symbols whose trades a feed holds), e.g. 1000";
        private static final String IDLE_MESSAGE = "peregrine.ingest.quality.state.idle-after must be a positive "
                + "duration (a series or symbol quiet this long is dropped), e.g. 3d";

        @AssertTrue(message = IDLE_MESSAGE)
        public boolean isIdleAfterPositive() {
            return idleAfter == null || (!idleAfter.isNegative() && !idleAfter.isZero());
        }

        /** The domain's limits; call only on validated properties. */
        public StateLimits toLimits() {
            return new StateLimits(maxSeries, maxSymbols, idleAfter);
        }
    }

    /** @param intervals a series is stale after more than this many of its intervals without an update */
    public record StaleStream(
            boolean enabled,

            @Min(value = 1, message = STALE_MESSAGE) @Max(value = 1000, message = STALE_MESSAGE)
            int intervals) {

        private static final String STALE_MESSAGE = "peregrine.ingest.quality.stale-stream.intervals must be between 1 "
                + "and 1000 (intervals without an update before a series is stale), e.g. 3";
    }

    /**
     * @param window       log returns the median absolute deviation is taken over
     * @param warmUp       returns a series needs before it is judged; at most the window
     * @param k            robust standard deviations (1.4826 x MAD) a return may reach
     * @param minJumpBps   floor of the bound in basis points, so that a series of mostly unchanged closes is not
     *                     flagged on every tick
     */
    public record PriceJump(
            boolean enabled,

            @Min(value = 2, message = WINDOW_MESSAGE) @Max(value = 10_000, message = WINDOW_MESSAGE)
            int window,

            @Min(value = 2, message = WARM_UP_MESSAGE) int warmUp,

            @DecimalMin(value = "1", message = K_MESSAGE) @DecimalMax(value = "1000", message = K_MESSAGE)
            double k,

            @DecimalMin(value = "0", message = MIN_JUMP_MESSAGE)
            @DecimalMax(value = "10000", message = MIN_JUMP_MESSAGE)
            double minJumpBps) {

        private static final String WINDOW_MESSAGE = "peregrine.ingest.quality.price-jump.window must be between 2 and "
                + "10000 (log returns in the rolling window), e.g. 100";
        private static final String WARM_UP_MESSAGE = "peregrine.ingest.quality.price-jump.warm-up must be at least 2 "
                + "and at most the window (returns seen before a series is judged), e.g. 100";
        private static final String K_MESSAGE = "peregrine.ingest.quality.price-jump.k must be between 1 and 1000 "
                + "(robust standard deviations a return may reach), e.g. 10";
        private static final String MIN_JUMP_MESSAGE = "peregrine.ingest.quality.price-jump.min-jump-bps must be "
                + "between 0 and 10000 (basis points of log return never flagged), e.g. 10";

        @AssertTrue(message = WARM_UP_MESSAGE)
        public boolean isWarmUpWithinWindow() {
            return warmUp <= window;
        }
    }

    /**
     * @param toleranceBps how far the kline close may be from the last trade, in basis points of the trade price
     * @param tradeHistory trades kept per symbol to find the last one at or before a close time
     */
    public record KlineCloseVsLastTrade(
            boolean enabled,

            @NotNull(message = TOLERANCE_MESSAGE)
            @DecimalMin(value = "0", message = TOLERANCE_MESSAGE)
            @DecimalMax(value = "1000", message = TOLERANCE_MESSAGE)
            BigDecimal toleranceBps,

            @Min(value = 1, message = HISTORY_MESSAGE) @Max(value = 1_000_000, message = HISTORY_MESSAGE)
            int tradeHistory) {

        private static final String TOLERANCE_MESSAGE = "peregrine.ingest.quality.kline-close-vs-last-trade."
                + "tolerance-bps must be between 0 and 1000 (basis points the close may be off the last trade), e.g. 1";
        private static final String HISTORY_MESSAGE = "peregrine.ingest.quality.kline-close-vs-last-trade."
                + "trade-history must be between 1 and 1000000 (trades kept per symbol), e.g. 10000";
    }
}
