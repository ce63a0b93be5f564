package dev.peregrine.ingest.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Candle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The monitor's state stays within its {@link StateLimits}, and a series that was dropped and returns is judged so
 * that nothing is flagged that would not have been, and a hole over the drop is still flagged.
 */
class QualityMonitorBoundsTest {

    private static final Instant T0 = Instant.parse("2023-03-24T12:30:00Z");
    private static final Duration M15 = Duration.ofMinutes(15);
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final Symbol SOL = Symbol.of("SOLUSDT");

    private final List<Eviction> evictions = new ArrayList<>();

    private QualityMonitor monitor(QualitySettings settings, int maxSeries, int maxSymbols, Duration idleAfter) {
        return new QualityMonitor(settings, new StateLimits(maxSeries, maxSymbols, idleAfter), evictions::add);
    }

    private QualityMonitor monitor(int maxSeries, int maxSymbols) {
        return monitor(QualitySettings.defaults(), maxSeries, maxSymbols, Duration.ofDays(3));
    }

    @Test
    void atTheBoundNothingIsDroppedAndOneMoreSeriesDropsTheLeastRecentlyUsed() {
        QualityMonitor monitor = monitor(2, 10);
        judge(monitor, BTC, 0);
        judge(monitor, ETH, 0);
        judge(monitor, BTC, 1);

        assertThat(monitor.heldSeries()).isEqualTo(2);
        assertThat(evictions).isEmpty();

        judge(monitor, SOL, 0);

        // ETH was used less recently than BTC
        assertThat(monitor.heldSeries()).isEqualTo(2);
        assertThat(evictions)
                .containsExactly(new Eviction(Eviction.State.SERIES, "ETHUSDT-15m", Eviction.Reason.CAPACITY));
    }

    @Test
    void aDroppedSeriesThatReturnsInStepIsCleanAndOneThatReturnsAfterAHoleIsAGap() {
        QualityMonitor monitor = monitor(1, 10);
        judge(monitor, BTC, 0);
        judge(monitor, ETH, 0);
        judge(monitor, SOL, 0);
        assertThat(evictions)
                .filteredOn(e -> e.state() == Eviction.State.SERIES)
                .extracting(Eviction::key)
                .containsExactly("BTCUSDT-15m", "ETHUSDT-15m");

        // ETH comes back with its next candle: no false flag
        assertThat(judge(monitor, ETH, 1).violations()).isEmpty();
        // SOL (dropped by ETH's return) comes back after two missing candles: the hole is flagged as without the drop
        assertThat(judge(monitor, SOL, 3).flagNames()).containsExactly("GAP");
        // and its last candle again is still a refused duplicate
        assertThat(judge(monitor, SOL, 3).refusal())
                .hasValueSatisfying(violation -> assertThat(violation.rule()).isEqualTo(QualityRule.DUPLICATE));
    }

    @Test
    void resumePointsAreBoundedTooAndASeriesReturningAfterItsResumePointWentStartsAsANewSeries() {
        QualityMonitor monitor = monitor(1, 10);
        judge(monitor, BTC, 0);
        judge(monitor, ETH, 0);
        judge(monitor, SOL, 0);

        assertThat(evictions)
                .containsExactly(
                        new Eviction(Eviction.State.SERIES, "BTCUSDT-15m", Eviction.Reason.CAPACITY),
                        new Eviction(Eviction.State.SERIES, "ETHUSDT-15m", Eviction.Reason.CAPACITY),
                        new Eviction(Eviction.State.RESUME_POINT, "BTCUSDT-15m", Eviction.Reason.CAPACITY));
        // BTC's last candle is forgotten: its return after a hole is judged as a first candle, without GAP
        assertThat(judge(monitor, BTC, 5).violations()).isEmpty();
    }

    @Test
    void priceJumpWarmsUpAgainAfterADropSoItFlagsLessButNeverFalsely() {
        QualitySettings settings = new QualitySettings(
                EnumSet.allOf(QualityRule.class),
                new QualitySettings.StaleStream(3),
                new QualitySettings.PriceJump(4, 4, 10.0, 10.0),
                new QualitySettings.LastTrade(BigDecimal.ONE, 10));
        QualityMonitor bounded = monitor(settings, 1, 10, Duration.ofDays(3));
        QualityMonitor unbounded = monitor(settings, 10, 10, Duration.ofDays(3));
        String[] closes = {"100", "100.01", "100", "100.02", "100.01"};
        for (int i = 0; i < closes.length; i++) {
            judge(bounded, BTC, i, closes[i]);
            judge(unbounded, BTC, i, closes[i]);
        }
        judge(bounded, ETH, 0);

        // a 20% move: a jump for the warm series, not judged for the one whose returns were dropped
        assertThat(judge(unbounded, BTC, 5, "120").flagNames()).containsExactly("PRICE_JUMP");
        assertThat(judge(bounded, BTC, 5, "120").violations()).isEmpty();
    }

    @Test
    void anIdleSeriesIsDroppedOnlyAfterItsSilenceWasReportedAndItsReturnAfterTheSilenceIsAGap() {
        QualityMonitor monitor = monitor(QualitySettings.defaults(), 10, 10, Duration.ofHours(1));
        Instant update = closeOf(0);
        judge(monitor, BTC, 0);

        // stale after 45 min, reported once; idle only after the hour
        assertThat(monitor.stale(update.plus(M15.multipliedBy(3)).plusMillis(1)))
                .hasSize(1);
        assertThat(monitor.stale(update.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(monitor.heldSeries()).isEqualTo(1);
        assertThat(evictions).isEmpty();
        assertThat(monitor.stale(update.plus(Duration.ofHours(1)).plusMillis(1)))
                .isEmpty();
        assertThat(monitor.heldSeries()).isZero();
        assertThat(evictions).containsExactly(new Eviction(Eviction.State.SERIES, "BTCUSDT-15m", Eviction.Reason.IDLE));

        // trading again two days later: the hole is a GAP, and a new silence is reported again
        assertThat(judge(monitor, BTC, 192).flagNames()).containsExactly("GAP");
        assertThat(monitor.stale(closeOf(192).plus(M15.multipliedBy(3)).plusMillis(1)))
                .hasSize(1);
    }

    @Test
    void aSeriesIsNotIdleBeforeThreeOfItsIntervalsNorBeforeItsStaleIncident() {
        QualitySettings staleAfterSix = new QualitySettings(
                EnumSet.allOf(QualityRule.class),
                new QualitySettings.StaleStream(6),
                QualitySettings.defaults().priceJump(),
                QualitySettings.defaults().lastTrade());
        QualityMonitor monitor = monitor(staleAfterSix, 10, 10, Duration.ofMinutes(1));
        Instant update = closeOf(0);
        judge(monitor, BTC, 0);

        assertThat(monitor.stale(update.plus(M15.multipliedBy(5)))).isEmpty();
        assertThat(monitor.heldSeries()).isEqualTo(1);
        assertThat(monitor.stale(update.plus(M15.multipliedBy(6)).plusMillis(1)))
                .hasSize(1);
        assertThat(monitor.heldSeries()).isZero();

        QualityMonitor quiet =
                monitor(QualitySettings.defaults().without(QualityRule.STALE_STREAM), 10, 10, Duration.ofMinutes(1));
        judge(quiet, BTC, 0);
        quiet.stale(update.plus(M15.multipliedBy(3)));
        assertThat(quiet.heldSeries()).isEqualTo(1);
        quiet.stale(update.plus(M15.multipliedBy(3)).plusMillis(1));
        assertThat(quiet.heldSeries()).isZero();
    }

    @Test
    void tradesAreBoundedPerSymbolAndASymbolWhoseTradesWereDroppedIsNotComparedUntilItTradesAgain() {
        QualityMonitor monitor = monitor(10, 1);
        monitor.trade(BTC, closeOf(0).minusSeconds(1), new BigDecimal("11"));
        monitor.trade(ETH, closeOf(0).minusSeconds(1), new BigDecimal("11"));

        assertThat(monitor.heldSymbols()).isEqualTo(1);
        assertThat(evictions).containsExactly(new Eviction(Eviction.State.TRADES, "BTCUSDT", Eviction.Reason.CAPACITY));
        assertThat(monitor.lastTradePrice(BTC)).isEmpty();
        // a close far from BTC's dropped trade is not flagged against nothing
        assertThat(judge(monitor, BTC, 0, "50").violations()).isEmpty();
        // ETH's trades are still there: the same close is flagged for it
        assertThat(judge(monitor, ETH, 0, "50").flagNames()).containsExactly("KLINE_CLOSE_VS_LAST_TRADE");
    }

    @Test
    void aSymbolWithoutATradeForIdleAfterIsDropped() {
        QualityMonitor monitor = monitor(QualitySettings.defaults(), 10, 10, Duration.ofHours(1));
        Instant traded = T0;
        monitor.trade(BTC, traded, new BigDecimal("11"));

        monitor.stale(traded.plus(Duration.ofHours(1)));
        assertThat(monitor.lastTradePrice(BTC)).contains(new BigDecimal("11"));
        monitor.stale(traded.plus(Duration.ofHours(1)).plusMillis(1));
        assertThat(monitor.lastTradePrice(BTC)).isEmpty();
        assertThat(monitor.heldSymbols()).isZero();
        assertThat(evictions).containsExactly(new Eviction(Eviction.State.TRADES, "BTCUSDT", Eviction.Reason.IDLE));
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new StateLimits(0, 1, Duration.ofDays(1))).hasMessageContaining("max-series");
        assertThatThrownBy(() -> new StateLimits(1, 0, Duration.ofDays(1))).hasMessageContaining("max-symbols");
        assertThatThrownBy(() -> new StateLimits(1, 1, Duration.ZERO)).hasMessageContaining("idle-after");
    }

    /** The {@code index}-th 15m candle of {@code symbol} from T0, close 11, judged at its close time. */
    private static QualityCheck judge(QualityMonitor monitor, Symbol symbol, int index) {
        return judge(monitor, symbol, index, "11");
    }

    private static QualityCheck judge(QualityMonitor monitor, Symbol symbol, int index, String close) {
        Instant open = T0.plus(M15.multipliedBy(index));
        BigDecimal c = new BigDecimal(close);
        Candle candle = new Candle(
                symbol,
                Interval.FIFTEEN_MINUTES,
                open,
                open.plus(M15).minusMillis(1),
                c,
                c,
                c,
                c,
                BigDecimal.ONE,
                c,
                3,
                new BigDecimal("0.5"),
                c.divide(BigDecimal.TWO));
        return monitor.candle(candle, candle.closeTime());
    }

    private static Instant closeOf(int index) {
        return T0.plus(M15.multipliedBy(index + 1)).minusMillis(1);
    }
}
