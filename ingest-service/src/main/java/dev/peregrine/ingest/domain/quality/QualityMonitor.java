package dev.peregrine.ingest.domain.quality;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.Series;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The quality rules of one feed (a replay, or the live stream) with the state the stateful ones need: per series
 * the previous accepted candle, the last update and the recent log returns; per symbol the recent trades. It
 * judges and remembers; it does not publish. Not thread-safe: a feed is read by one thread.
 *
 * <p>Time is always given, never read from a clock: the live feed passes the clock's time, a replay the data's
 * own (a candle's close time, a capture line's local time), so a replay judges staleness as the live feed did.
 *
 * <p>The state is bounded by {@link StateLimits}: a series or symbol gone quiet for {@code idleAfter} of the feed's
 * time is dropped at the next {@link #stale} (a series only once its STALE_STREAM incident is out), and beyond the
 * bounds the least recently used go at once. A dropped series keeps its last accepted candle as a resume point, so
 * when it returns its first candle is still judged against it (GAP, DUPLICATE, OUT_OF_ORDER): the hole is flagged as
 * if it had never been dropped. Only its price-jump returns start over, so PRICE_JUMP is silent for the warm-up
 * (fewer flags, never a false one). A symbol whose trades were dropped is not judged by KLINE_CLOSE_VS_LAST_TRADE
 * until it trades again, as after {@link #forgetTrades}. Every drop is handed to the eviction listener.
 */
public final class QualityMonitor {

    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    private final QualitySettings settings;
    private final StateLimits limits;
    private final Consumer<Eviction> evictions;
    private final Map<Series, Candle> resumePoints;
    private final Map<Series, SeriesState> series;
    private final Map<Symbol, TradeHistory> trades;

    /** With the default {@link StateLimits} and nobody told of evictions. */
    public QualityMonitor(QualitySettings settings) {
        this(settings, StateLimits.DEFAULTS, eviction -> {});
    }

    public QualityMonitor(QualitySettings settings, StateLimits limits, Consumer<Eviction> evictions) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.evictions = Objects.requireNonNull(evictions, "evictions");
        this.resumePoints = new LeastRecentlyUsed<>(
                limits.maxSeries(),
                (dropped, candle) -> evicted(Eviction.State.RESUME_POINT, dropped, Eviction.Reason.CAPACITY));
        this.series = new LeastRecentlyUsed<>(
                limits.maxSeries(), (dropped, state) -> drop(dropped, state, Eviction.Reason.CAPACITY));
        this.trades = new LeastRecentlyUsed<>(
                limits.maxSymbols(),
                (dropped, history) -> evicted(Eviction.State.TRADES, dropped, Eviction.Reason.CAPACITY));
    }

    public QualitySettings settings() {
        return settings;
    }

    /**
     * Judges a closed candle received at {@code receivedAt} against every enabled candle rule. A candle that is
     * not refused becomes the latest of its series; a refused one (duplicate, out of order) changes nothing but
     * the series' last update.
     */
    public QualityCheck candle(Candle candle, Instant receivedAt) {
        SeriesState state = state(candle.series());
        state.alive(receivedAt);
        Candle previous = state.previous;
        int order = previous == null ? 1 : candle.openTime().compareTo(previous.openTime());
        if (order == 0 && settings.isEnabled(QualityRule.DUPLICATE)) {
            return new QualityCheck(List.of(new QualityViolation(
                    QualityRule.DUPLICATE, "open_time " + candle.openTime() + " repeats the previous candle's")));
        }
        if (order < 0 && settings.isEnabled(QualityRule.OUT_OF_ORDER)) {
            return new QualityCheck(List.of(new QualityViolation(
                    QualityRule.OUT_OF_ORDER,
                    "open_time " + candle.openTime() + " is before the previous candle's open_time "
                            + previous.openTime())));
        }
        List<QualityViolation> violations = new ArrayList<>(2);
        if (settings.isEnabled(QualityRule.OHLC_INCONSISTENT)) {
            CandleRules.ohlc(candle).ifPresent(violations::add);
        }
        if (settings.isEnabled(QualityRule.VOLUME_INCONSISTENT)) {
            CandleRules.volume(candle).ifPresent(violations::add);
        }
        if (settings.isEnabled(QualityRule.OFF_GRID)) {
            CandleRules.grid(candle).ifPresent(violations::add);
        }
        if (order > 0) {
            if (previous != null && settings.isEnabled(QualityRule.GAP)) {
                CandleRules.gap(candle, previous).ifPresent(violations::add);
            }
            if (previous != null && settings.isEnabled(QualityRule.PRICE_JUMP)) {
                priceJump(state, candle, previous).ifPresent(violations::add);
            }
        }
        if (settings.isEnabled(QualityRule.KLINE_CLOSE_VS_LAST_TRADE)) {
            closeVersusLastTrade(candle).ifPresent(violations::add);
        }
        if (order > 0) {
            // With DUPLICATE or OUT_OF_ORDER disabled such a candle passes, but the series does not move back.
            state.previous = candle;
        }
        return violations.isEmpty() ? QualityCheck.CLEAN : new QualityCheck(violations);
    }

    /** An update of a series that is not a closed candle (e.g. a kline still open): the series is alive. */
    public void seriesAlive(Series updated, Instant at) {
        state(updated).alive(at);
    }

    /** Number of series whose state is held (resume points not counted). */
    public int heldSeries() {
        return series.size();
    }

    /** Number of symbols whose trades are held. */
    public int heldSymbols() {
        return trades.size();
    }

    private SeriesState state(Series key) {
        // A series dropped before resumes from its last accepted candle.
        return series.computeIfAbsent(key, s -> new SeriesState(resumePoints.remove(s)));
    }

    private void drop(Series key, SeriesState state, Eviction.Reason reason) {
        evicted(Eviction.State.SERIES, key, reason);
        if (state.previous != null) {
            resumePoints.put(key, state.previous);
        }
    }

    private void evicted(Eviction.State state, Object key, Eviction.Reason reason) {
        evictions.accept(new Eviction(state, key.toString(), reason));
    }

    /**
     * STALE_STREAM: the series without an update for more than N of their intervals at {@code now}. Each silence
     * is reported once; an update re-arms the rule for its series. Then the idle series and symbols are dropped.
     */
    public List<SeriesViolation> stale(Instant now) {
        List<SeriesViolation> found = staleSeries(now);
        dropIdle(now);
        return found;
    }

    /**
     * Drops the series without an update for {@code idleAfter} (and three of their intervals) whose silence was
     * reported, or cannot be because STALE_STREAM is off, and the symbols without a trade for {@code idleAfter}.
     */
    private void dropIdle(Instant now) {
        boolean staleRuleOff = !settings.isEnabled(QualityRule.STALE_STREAM);
        for (Iterator<Map.Entry<Series, SeriesState>> it = series.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Series, SeriesState> entry = it.next();
            SeriesState state = entry.getValue();
            Duration threeIntervals = entry.getKey().interval().length().multipliedBy(3);
            Duration idle = threeIntervals.compareTo(limits.idleAfter()) > 0 ? threeIntervals : limits.idleAfter();
            if ((staleRuleOff || state.staleReported)
                    && state.lastUpdate != null
                    && Duration.between(state.lastUpdate, now).compareTo(idle) > 0) {
                it.remove();
                drop(entry.getKey(), state, Eviction.Reason.IDLE);
            }
        }
        for (Iterator<Map.Entry<Symbol, TradeHistory>> it = trades.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Symbol, TradeHistory> entry = it.next();
            Optional<Instant> last = entry.getValue().lastTime();
            if (last.isEmpty() || Duration.between(last.get(), now).compareTo(limits.idleAfter()) > 0) {
                it.remove();
                evicted(Eviction.State.TRADES, entry.getKey(), Eviction.Reason.IDLE);
            }
        }
    }

    private List<SeriesViolation> staleSeries(Instant now) {
        if (!settings.isEnabled(QualityRule.STALE_STREAM) || series.isEmpty()) {
            return List.of();
        }
        List<SeriesViolation> found = List.of();
        for (Map.Entry<Series, SeriesState> entry : series.entrySet()) {
            SeriesState state = entry.getValue();
            if (state.staleReported || state.lastUpdate == null) {
                continue;
            }
            Series stale = entry.getKey();
            Duration limit = stale.interval()
                    .length()
                    .multipliedBy(settings.staleStream().intervals());
            Duration silence = Duration.between(state.lastUpdate, now);
            if (silence.compareTo(limit) > 0) {
                state.staleReported = true;
                if (found.isEmpty()) {
                    found = new ArrayList<>(1);
                }
                found.add(new SeriesViolation(
                        stale,
                        state.lastUpdate,
                        now,
                        new QualityViolation(
                                QualityRule.STALE_STREAM,
                                "no update on " + stale + " since " + state.lastUpdate + ": silent for " + silence
                                        + " at "
                                        + now + ", more than "
                                        + settings.staleStream().intervals() + " x "
                                        + stale.interval())));
            }
        }
        return found;
    }

    /** A trade of {@code symbol} at {@code time}: it becomes the symbol's last trade price. */
    public void trade(Symbol symbol, Instant time, BigDecimal price) {
        trades.computeIfAbsent(
                        symbol,
                        s -> new TradeHistory(
                                settings.isEnabled(QualityRule.KLINE_CLOSE_VS_LAST_TRADE)
                                        ? settings.lastTrade().tradeHistory()
                                        : 1))
                .add(time, price);
    }

    /**
     * The symbol's trades stopped arriving for a while (its stream dropped): the trades kept no longer tell the
     * last trade before a later close time, so they are forgotten until new ones come. Candles of the silence
     * that a backfill brings are then not compared with a price from before it.
     */
    public void forgetTrades(Symbol symbol) {
        trades.remove(symbol);
    }

    public Optional<BigDecimal> lastTradePrice(Symbol symbol) {
        TradeHistory history = trades.get(symbol);
        return history == null ? Optional.empty() : history.last();
    }

    /** The symbols trades were seen for, with their last trade price. */
    public Map<Symbol, BigDecimal> lastTradePrices() {
        Map<Symbol, BigDecimal> prices = new HashMap<>();
        trades.forEach((symbol, history) -> history.last().ifPresent(price -> prices.put(symbol, price)));
        return prices;
    }

    private Optional<QualityViolation> priceJump(SeriesState state, Candle candle, Candle previous) {
        if (state.jumps == null) {
            state.jumps = new PriceJumpDetector(settings.priceJump());
        }
        PriceJumpDetector jumps = state.jumps;
        double logReturn =
                Math.log(candle.close().doubleValue() / previous.close().doubleValue());
        Optional<QualityViolation> violation = Optional.empty();
        if (jumps.warm()) {
            double mad = jumps.mad();
            double bound = jumps.bound(mad);
            if (Math.abs(logReturn) > bound) {
                violation = Optional.of(new QualityViolation(
                        QualityRule.PRICE_JUMP,
                        String.format(
                                Locale.ROOT,
                                "close %s at %s after %s: |log return| %.6f > %.6f = max(%s x %s x MAD %.6f, %s bps) over the "
                                        + "last %d returns",
                                candle.close().toPlainString(),
                                candle.closeTime(),
                                previous.close().toPlainString(),
                                Math.abs(logReturn),
                                bound,
                                settings.priceJump().k(),
                                PriceJumpDetector.MAD_TO_SIGMA,
                                mad,
                                settings.priceJump().minJumpBps(),
                                jumps.size())));
            }
        }
        jumps.add(logReturn);
        return violation;
    }

    private Optional<QualityViolation> closeVersusLastTrade(Candle candle) {
        TradeHistory history = trades.get(candle.symbol());
        if (history == null) {
            return Optional.empty();
        }
        Optional<TradeHistory.Trade> last = history.lastAtOrBefore(candle.closeTime());
        if (last.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal price = last.get().price();
        BigDecimal difference = candle.close().subtract(price).abs();
        BigDecimal tolerance = settings.lastTrade().toleranceBps();
        if (difference.multiply(BPS).compareTo(tolerance.multiply(price)) <= 0) {
            return Optional.empty();
        }
        BigDecimal bps = difference.multiply(BPS).divide(price, 4, RoundingMode.HALF_UP);
        return Optional.of(new QualityViolation(
                QualityRule.KLINE_CLOSE_VS_LAST_TRADE,
                "close "
                        + candle.close().toPlainString() + " of the " + candle.interval() + " kline closing at "
                        + candle.closeTime() + " but the last trade at or before it was " + price.toPlainString()
                        + " at "
                        + last.get().time() + ": " + bps.toPlainString() + " bps apart, more than the tolerance of "
                        + tolerance.toPlainString() + " bps"));
    }

    private static final class SeriesState {
        private Candle previous;
        private Instant lastUpdate;
        private boolean staleReported;
        private PriceJumpDetector jumps;

        private SeriesState(Candle resumeFrom) {
            this.previous = resumeFrom;
        }

        void alive(Instant at) {
            if (lastUpdate == null || at.isAfter(lastUpdate)) {
                lastUpdate = at;
                staleReported = false;
            }
        }
    }
}
