package dev.peregrine.ingest.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.Severity;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.Series;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QualityMonitorTest {

    private static final Instant T0 = Instant.parse("2023-03-24T12:30:00Z");
    private static final Duration M15 = Duration.ofMinutes(15);
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Series SERIES = new Series(BTC, Interval.FIFTEEN_MINUTES);

    private static QualityMonitor monitor() {
        return new QualityMonitor(QualitySettings.defaults());
    }

    private static QualityMonitor without(QualityRule rule) {
        return new QualityMonitor(QualitySettings.defaults().without(rule));
    }

    /** Judges candles in order, each received at its close time, and returns the last one's check. */
    private static QualityCheck feed(QualityMonitor monitor, Candle... candles) {
        QualityCheck last = null;
        for (Candle candle : candles) {
            last = monitor.candle(candle, candle.closeTime());
        }
        return last;
    }

    @Test
    void aConsistentCandleOnTheGridAfterItsPredecessorHasNoFlags() {
        QualityMonitor monitor = monitor();

        assertThat(monitor.candle(candle(T0, "10", "12", "9", "11"), T0).violations())
                .isEmpty();
        assertThat(monitor.candle(candle(T0.plus(M15), "11", "12", "9", "11"), T0.plus(M15))
                        .violations())
                .isEmpty();
    }

    @Test
    void everyRuleHasAStableNameASeverityAndAScope() {
        assertThat(QualityRule.OHLC_INCONSISTENT.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(QualityRule.STALE_STREAM.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(QualityRule.DUPLICATE.severity()).isEqualTo(Severity.INFO);
        assertThat(QualityRule.GAP.severity()).isEqualTo(Severity.WARNING);
        assertThat(EnumSet.allOf(QualityRule.class))
                .filteredOn(QualityRule::refusesCandle)
                .containsExactlyInAnyOrder(QualityRule.DUPLICATE, QualityRule.OUT_OF_ORDER);
        assertThat(QualityRule.forRejection(RejectionReason.NOT_FINITE)).isEqualTo(QualityRule.BAD_NUMBER);
        assertThat(QualityRule.forRejection(RejectionReason.NOT_A_NUMBER)).isEqualTo(QualityRule.BAD_NUMBER);
        assertThat(QualityRule.forRejection(RejectionReason.NEGATIVE_VALUE)).isEqualTo(QualityRule.BAD_NUMBER);
        assertThat(QualityRule.forRejection(RejectionReason.ZERO_PRICE)).isEqualTo(QualityRule.BAD_NUMBER);
        assertThat(QualityRule.forRejection(RejectionReason.OUT_OF_RANGE)).isEqualTo(QualityRule.BAD_NUMBER);
        assertThat(QualityRule.forRejection(RejectionReason.WRONG_COLUMN_COUNT))
                .isEqualTo(QualityRule.MALFORMED_RECORD);
        assertThat(QualityRule.forRejection(RejectionReason.TRUNCATED)).isEqualTo(QualityRule.MALFORMED_RECORD);
        assertThat(QualityRule.forRejection(RejectionReason.DUPLICATE)).isEqualTo(QualityRule.DUPLICATE);
        assertThat(QualityRule.forRejection(RejectionReason.OUT_OF_ORDER)).isEqualTo(QualityRule.OUT_OF_ORDER);
    }

    @Test
    void reportsEveryBrokenRuleOfOneCandleInRuleOrder() {
        QualityMonitor monitor = monitor();
        Candle previous = candle(T0, "10", "12", "9", "11");
        Candle broken = new Candle(
                BTC,
                Interval.FIFTEEN_MINUTES,
                T0.plus(M15.multipliedBy(3)).plusMillis(7),
                T0.plus(M15.multipliedBy(4)),
                bd("10"),
                bd("9"),
                bd("12"),
                bd("11"),
                bd("1"),
                bd("1"),
                1,
                bd("2"),
                bd("1"));

        assertThat(feed(monitor, previous, broken).flagNames())
                .containsExactly("OHLC_INCONSISTENT", "VOLUME_INCONSISTENT", "OFF_GRID", "GAP");
    }

    @Nested
    class OhlcInconsistent {

        @Test
        void firesWhenOhlcContradictsItself() {
            assertThat(monitor()
                            .candle(candle(T0, "10", "12", "10.5", "11"), T0)
                            .flagNames())
                    .containsExactly("OHLC_INCONSISTENT");
            assertThat(monitor().candle(candle(T0, "10", "10.5", "9", "11"), T0).flagNames())
                    .containsExactly("OHLC_INCONSISTENT");
            QualityCheck inverted = monitor().candle(candle(T0, "10", "9", "12", "10"), T0);
            assertThat(inverted.flagNames()).containsExactly("OHLC_INCONSISTENT");
            assertThat(inverted.violations().getFirst().evidence())
                    .isEqualTo("open=10 high=9 low=12 close=10 at 2023-03-24T12:30:00Z break low <= min(open, close) "
                            + "<= max(open, close) <= high");
        }

        @Test
        void valuesTouchingTheirBoundsAreConsistent() {
            assertThat(monitor().candle(candle(T0, "10", "10", "10", "10"), T0).violations())
                    .isEmpty();
            assertThat(monitor().candle(candle(T0, "9", "11", "9", "11"), T0).violations())
                    .isEmpty();
        }

        @Test
        void isSilentWhenDisabled() {
            assertThat(without(QualityRule.OHLC_INCONSISTENT)
                            .candle(candle(T0, "10", "9", "12", "10"), T0)
                            .violations())
                    .isEmpty();
        }
    }

    @Nested
    class VolumeInconsistent {

        @Test
        void firesWhenTakerVolumesExceedTheVolumesOrAVolumeIsNegative() {
            QualityCheck taker = monitor().candle(withVolumes("12.5", "1000", "12.6", "900"), T0);
            QualityCheck quote = monitor().candle(withVolumes("12.5", "1000", "12", "1000.01"), T0);
            QualityCheck negative = monitor().candle(withVolumes("-1", "1000", "0", "0"), T0);

            assertThat(taker.flagNames()).containsExactly("VOLUME_INCONSISTENT");
            assertThat(taker.violations().getFirst().evidence())
                    .isEqualTo("taker_buy_base_volume 12.6 > volume 12.5 at 2023-03-24T12:30:00Z");
            assertThat(quote.violations().getFirst().evidence())
                    .startsWith("taker_buy_quote_volume 1000.01 > quote_volume 1000");
            assertThat(negative.violations().getFirst().evidence()).startsWith("volume -1 is negative");
        }

        @Test
        void takerVolumesEqualToTheVolumesAndZeroVolumesAreFine() {
            assertThat(monitor()
                            .candle(withVolumes("12.5", "1000", "12.5", "1000"), T0)
                            .violations())
                    .isEmpty();
            assertThat(monitor().candle(withVolumes("0", "0", "0", "0"), T0).violations())
                    .isEmpty();
        }

        @Test
        void isSilentWhenDisabled() {
            assertThat(without(QualityRule.VOLUME_INCONSISTENT)
                            .candle(withVolumes("12.5", "1000", "13", "900"), T0)
                            .violations())
                    .isEmpty();
        }

        private Candle withVolumes(String volume, String quoteVolume, String takerBase, String takerQuote) {
            return new Candle(
                    BTC,
                    Interval.FIFTEEN_MINUTES,
                    T0,
                    T0.plus(M15).minusMillis(1),
                    bd("10"),
                    bd("12"),
                    bd("9"),
                    bd("11"),
                    bd(volume),
                    bd(quoteVolume),
                    3,
                    bd(takerBase),
                    bd(takerQuote));
        }
    }

    @Nested
    class OffGrid {

        @Test
        void firesForOpenTimesOffTheGridAndWrongCloseTimes() {
            Candle offGrid = new Candle(
                    BTC,
                    Interval.FIFTEEN_MINUTES,
                    T0.plusSeconds(1),
                    T0.plusSeconds(1).plus(M15).minusMillis(1),
                    bd("10"),
                    bd("12"),
                    bd("9"),
                    bd("11"),
                    bd("1"),
                    bd("1"),
                    1,
                    bd("1"),
                    bd("1"));
            Candle wrongClose = new Candle(
                    BTC,
                    Interval.FIFTEEN_MINUTES,
                    T0,
                    T0.plus(M15),
                    bd("10"),
                    bd("12"),
                    bd("9"),
                    bd("11"),
                    bd("1"),
                    bd("1"),
                    1,
                    bd("1"),
                    bd("1"));

            QualityCheck offGridCheck = monitor().candle(offGrid, T0);
            QualityCheck wrongCloseCheck = monitor().candle(wrongClose, T0);

            assertThat(offGridCheck.flagNames()).containsExactly("OFF_GRID");
            assertThat(offGridCheck.violations().getFirst().evidence()).contains("not on the 15m grid");
            assertThat(wrongCloseCheck.flagNames()).containsExactly("OFF_GRID");
            assertThat(wrongCloseCheck.violations().getFirst().evidence())
                    .contains("should be 2023-03-24T12:44:59.999Z");
        }

        @Test
        void aCloseExactlyOneMillisecondBeforeTheNextOpenIsOnTheGrid() {
            Candle early = new Candle(
                    BTC,
                    Interval.FIFTEEN_MINUTES,
                    T0,
                    T0.plus(M15).minusMillis(2),
                    bd("10"),
                    bd("12"),
                    bd("9"),
                    bd("11"),
                    bd("1"),
                    bd("1"),
                    1,
                    bd("1"),
                    bd("1"));

            assertThat(monitor().candle(candle(T0, "10", "12", "9", "11"), T0).violations())
                    .isEmpty();
            assertThat(monitor().candle(early, T0).flagNames()).containsExactly("OFF_GRID");
        }

        @Test
        void weeklyCandlesOpenOnMondays() {
            assertThat(monitor()
                            .candle(weekly(Instant.parse("2024-01-01T00:00:00Z")), T0)
                            .violations())
                    .isEmpty();
            assertThat(monitor()
                            .candle(weekly(Instant.parse("2024-01-04T00:00:00Z")), T0)
                            .flagNames())
                    .containsExactly("OFF_GRID");
        }

        @Test
        void isSilentWhenDisabled() {
            Candle wrongClose = new Candle(
                    BTC,
                    Interval.FIFTEEN_MINUTES,
                    T0,
                    T0.plus(M15),
                    bd("10"),
                    bd("12"),
                    bd("9"),
                    bd("11"),
                    bd("1"),
                    bd("1"),
                    1,
                    bd("1"),
                    bd("1"));

            assertThat(without(QualityRule.OFF_GRID).candle(wrongClose, T0).violations())
                    .isEmpty();
        }
    }

    @Nested
    class DuplicateAndOutOfOrder {

        @Test
        void aRepeatedOpenTimeIsARefusedDuplicateAndAnEarlierOneOutOfOrder() {
            QualityMonitor monitor = monitor();
            feed(monitor, candle(T0, "10", "12", "9", "11"));

            QualityCheck duplicate = monitor.candle(candle(T0, "10", "12", "9", "11"), T0.plus(M15));
            QualityCheck outOfOrder = monitor.candle(candle(T0.minus(M15), "10", "12", "9", "11"), T0.plus(M15));

            assertThat(duplicate.rules()).containsExactly(QualityRule.DUPLICATE);
            assertThat(duplicate.flagNames()).isEmpty();
            assertThat(duplicate.refusal()).map(QualityViolation::rule).contains(QualityRule.DUPLICATE);
            assertThat(outOfOrder.refusal()).map(QualityViolation::rule).contains(QualityRule.OUT_OF_ORDER);
            assertThat(outOfOrder.refusal().orElseThrow().evidence())
                    .isEqualTo("open_time 2023-03-24T12:15:00Z is "
                            + "before the previous candle's open_time 2023-03-24T12:30:00Z");
        }

        @Test
        void theNextCandleAfterTheLastIsInOrder() {
            QualityMonitor monitor = monitor();

            assertThat(feed(monitor, candle(T0, "10", "12", "9", "11"), candle(T0.plus(M15), "11", "12", "9", "11"))
                            .refusal())
                    .isEmpty();
        }

        @Test
        void whenDisabledTheCandlePassesButTheSeriesDoesNotMoveBack() {
            QualityMonitor monitor = new QualityMonitor(
                    QualitySettings.defaults().without(QualityRule.DUPLICATE).without(QualityRule.OUT_OF_ORDER));
            feed(monitor, candle(T0, "10", "12", "9", "11"));

            assertThat(monitor.candle(candle(T0, "10", "12", "9", "11"), T0).violations())
                    .isEmpty();
            assertThat(monitor.candle(candle(T0.minus(M15.multipliedBy(3)), "10", "12", "9", "11"), T0)
                            .violations())
                    .isEmpty();
            // Still judged against 12:30, the latest: the next slot after it is no gap.
            assertThat(monitor.candle(candle(T0.plus(M15), "11", "12", "9", "11"), T0.plus(M15))
                            .violations())
                    .isEmpty();
        }
    }

    @Nested
    class Gap {

        @Test
        void firesAndNamesTheMissingRange() {
            QualityCheck check = feed(
                    monitor(),
                    candle(T0, "10", "12", "9", "11"),
                    candle(T0.plus(M15.multipliedBy(6)), "11", "12", "9", "11"));

            assertThat(check.flagNames()).containsExactly("GAP");
            assertThat(check.refusal()).isEmpty();
            assertThat(check.violations().getFirst().evidence())
                    .isEqualTo("5 missing 15m candle(s) of BTCUSDT: open "
                            + "times 2023-03-24T12:45:00Z to 2023-03-24T13:45:00Z (previous open 2023-03-24T12:30:00Z, next "
                            + "open 2023-03-24T14:00:00Z)");
        }

        @Test
        void oneMissingCandleIsAGapAndNoneIsNot() {
            assertThat(feed(
                                    monitor(),
                                    candle(T0, "10", "12", "9", "11"),
                                    candle(T0.plus(M15.multipliedBy(2)), "11", "12", "9", "11"))
                            .flagNames())
                    .containsExactly("GAP");
            assertThat(feed(monitor(), candle(T0, "10", "12", "9", "11"), candle(T0.plus(M15), "11", "12", "9", "11"))
                            .violations())
                    .isEmpty();
        }

        @Test
        void isSilentWhenDisabled() {
            assertThat(feed(
                                    without(QualityRule.GAP),
                                    candle(T0, "10", "12", "9", "11"),
                                    candle(T0.plus(M15.multipliedBy(6)), "11", "12", "9", "11"))
                            .violations())
                    .isEmpty();
        }
    }

    @Nested
    class StaleStream {

        @Test
        void firesOnceWhenASeriesIsSilentForMoreThanNIntervalsAndAgainAfterTheNextUpdate() {
            QualityMonitor monitor = monitor();
            Instant update = T0.plus(M15).minusMillis(1);
            monitor.candle(candle(T0, "10", "12", "9", "11"), update);

            List<SeriesViolation> stale =
                    monitor.stale(update.plus(M15.multipliedBy(3)).plusMillis(1));

            assertThat(stale).singleElement().satisfies(found -> {
                assertThat(found.series()).isEqualTo(SERIES);
                assertThat(found.since()).isEqualTo(update);
                assertThat(found.violation().rule()).isEqualTo(QualityRule.STALE_STREAM);
                assertThat(found.violation().evidence())
                        .isEqualTo("no update on BTCUSDT-15m since "
                                + "2023-03-24T12:44:59.999Z: silent for PT45M0.001S at 2023-03-24T13:30:00Z, more than 3 x "
                                + "15m");
            });
            assertThat(monitor.stale(update.plus(M15.multipliedBy(10)))).isEmpty();

            Instant later = update.plus(M15.multipliedBy(11));
            monitor.seriesAlive(SERIES, later);
            assertThat(monitor.stale(later.plus(M15.multipliedBy(3)))).isEmpty();
            assertThat(monitor.stale(later.plus(M15.multipliedBy(3)).plusMillis(1)))
                    .hasSize(1);
        }

        @Test
        void exactlyNIntervalsOfSilenceIsNotYetStale() {
            QualityMonitor monitor = monitor();
            monitor.candle(candle(T0, "10", "12", "9", "11"), T0);

            assertThat(monitor.stale(T0.plus(M15.multipliedBy(3)))).isEmpty();
        }

        @Test
        void anOpenKlineUpdateKeepsTheSeriesAlive() {
            QualityMonitor monitor = monitor();
            monitor.candle(candle(T0, "10", "12", "9", "11"), T0);
            monitor.seriesAlive(SERIES, T0.plus(M15.multipliedBy(2)));

            assertThat(monitor.stale(T0.plus(M15.multipliedBy(4)))).isEmpty();
        }

        @Test
        void isSilentWhenDisabled() {
            QualityMonitor monitor = without(QualityRule.STALE_STREAM);
            monitor.candle(candle(T0, "10", "12", "9", "11"), T0);

            assertThat(monitor.stale(T0.plus(Duration.ofDays(1)))).isEmpty();
        }
    }

    @Nested
    class PriceJump {

        /** Window 10, warm-up 10, k 10, no floor: returns alternate +-1% so median 0 and MAD = 0.01. */
        private final QualitySettings settings = new QualitySettings(
                EnumSet.allOf(QualityRule.class),
                new QualitySettings.StaleStream(3),
                new QualitySettings.PriceJump(10, 10, 10, 0),
                new QualitySettings.LastTrade(BigDecimal.ONE, 100));

        /** Feeds 11 candles (10 returns of alternately +1% and -1% in log terms) and returns the last close. */
        private double warmUp(QualityMonitor monitor) {
            double close = 100;
            for (int slot = 0; slot <= 10; slot++) {
                if (slot > 0) {
                    close = close * Math.exp(slot % 2 == 1 ? 0.01 : -0.01);
                }
                assertThat(monitor.candle(flat(slot, close), T0).violations()).isEmpty();
            }
            return close;
        }

        @Test
        void firesBeyondKRobustStandardDeviations() {
            QualityMonitor monitor = new QualityMonitor(settings);
            double close = warmUp(monitor);
            // Bound: 10 x 1.4826 x 0.01 = 0.148; a log return of 0.2 is beyond it.
            QualityCheck check = monitor.candle(flat(11, close * Math.exp(0.2)), T0);

            assertThat(check.flagNames()).containsExactly("PRICE_JUMP");
            assertThat(check.violations().getFirst().evidence())
                    .contains("|log return| 0.200000 > 0.148260 = "
                            + "max(10.0 x 1.4826 x MAD 0.010000, 0.0 bps) over the last 10 returns");
        }

        @Test
        void aReturnJustInsideTheBoundIsNoJump() {
            QualityMonitor monitor = new QualityMonitor(settings);
            double close = warmUp(monitor);

            assertThat(monitor.candle(flat(11, close * Math.exp(-0.148)), T0).violations())
                    .isEmpty();
        }

        @Test
        void staysSilentDuringTheWarmUp() {
            QualityMonitor monitor = new QualityMonitor(settings);
            double close = 100;
            monitor.candle(flat(0, close), T0);
            for (int slot = 1; slot <= 9; slot++) {
                close = close * Math.exp(slot % 2 == 1 ? 0.01 : -0.01);
                monitor.candle(flat(slot, close), T0);
            }
            // Nine returns so far: not judged yet, even for a doubling.
            assertThat(monitor.candle(flat(10, close * 2), T0).violations()).isEmpty();
            // Ten returns now (the doubling among them): judged.
            assertThat(monitor.candle(flat(11, close * 6), T0).flagNames()).containsExactly("PRICE_JUMP");
        }

        @Test
        void theFloorKeepsAFlatSeriesFromFlaggingEveryTick() {
            QualitySettings withFloor = new QualitySettings(
                    EnumSet.allOf(QualityRule.class),
                    new QualitySettings.StaleStream(3),
                    new QualitySettings.PriceJump(10, 10, 10, 10),
                    new QualitySettings.LastTrade(BigDecimal.ONE, 100));
            QualityMonitor monitor = new QualityMonitor(withFloor);
            for (int slot = 0; slot <= 10; slot++) {
                monitor.candle(flat(slot, 100), T0);
            }

            assertThat(monitor.candle(flat(11, 100.05), T0).violations()).isEmpty();
            assertThat(monitor.candle(flat(12, 100.5), T0).flagNames()).containsExactly("PRICE_JUMP");
        }

        @Test
        void isSilentWhenDisabled() {
            QualityMonitor monitor = new QualityMonitor(settings.without(QualityRule.PRICE_JUMP));
            double close = warmUp(monitor);

            assertThat(monitor.candle(flat(11, close * 3), T0).violations()).isEmpty();
        }

        private Candle flat(int slot, double close) {
            BigDecimal price = BigDecimal.valueOf(close).setScale(8, java.math.RoundingMode.HALF_EVEN);
            Instant open = T0.plus(M15.multipliedBy(slot));
            return new Candle(
                    BTC,
                    Interval.FIFTEEN_MINUTES,
                    open,
                    open.plus(M15).minusMillis(1),
                    price,
                    price,
                    price,
                    price,
                    bd("1"),
                    bd("10"),
                    3,
                    bd("0.5"),
                    bd("5"));
        }
    }

    @Nested
    class KlineCloseVsLastTrade {

        private final Candle candle = candle(T0, "10", "12", "9", "11");

        @Test
        void isSilentUntilTradesOfTheSymbolAreSeen() {
            QualityMonitor monitor = monitor();
            monitor.trade(Symbol.of("ETHUSDT"), T0.plusSeconds(10), bd("2000"));

            assertThat(monitor.candle(candle, T0.plus(M15)).violations()).isEmpty();
        }

        @Test
        void firesWhenTheCloseIsNotTheLastTradeAtOrBeforeTheCloseTime() {
            QualityMonitor monitor = monitor();
            monitor.trade(BTC, T0.plusSeconds(10), bd("11"));
            monitor.trade(BTC, candle.closeTime(), bd("11.05"));
            // A trade after the close arrived before the closed kline: it must not count.
            monitor.trade(BTC, candle.closeTime().plusMillis(1), bd("11"));

            QualityCheck check = monitor.candle(candle, T0.plus(M15).plusMillis(200));

            assertThat(check.flagNames()).containsExactly("KLINE_CLOSE_VS_LAST_TRADE");
            assertThat(check.violations().getFirst().evidence())
                    .isEqualTo("close 11 of the 15m kline closing at "
                            + "2023-03-24T12:44:59.999Z but the last trade at or before it was 11.05 at "
                            + "2023-03-24T12:44:59.999Z: "
                            + "45.2489 bps apart, more than the tolerance of 1 bps");
            assertThat(monitor.lastTradePrice(BTC)).contains(bd("11"));
        }

        @Test
        void aCloseExactlyAtTheToleranceIsFine() {
            QualityMonitor monitor = monitor();
            // 1 bps of 11 is 0.0011.
            monitor.trade(BTC, T0.plusSeconds(10), bd("11.0011"));

            assertThat(monitor.candle(candle, T0.plus(M15)).violations()).isEmpty();

            QualityMonitor beyond = monitor();
            beyond.trade(BTC, T0.plusSeconds(10), bd("11.00111"));
            assertThat(beyond.candle(candle, T0.plus(M15)).flagNames()).containsExactly("KLINE_CLOSE_VS_LAST_TRADE");
        }

        @Test
        void aTradeHistoryThatNoLongerReachesTheCloseTimeJudgesNothing() {
            QualityMonitor monitor = new QualityMonitor(new QualitySettings(
                    EnumSet.allOf(QualityRule.class),
                    new QualitySettings.StaleStream(3),
                    new QualitySettings.PriceJump(100, 100, 10, 10),
                    new QualitySettings.LastTrade(BigDecimal.ONE, 2)));
            monitor.trade(BTC, T0.plusSeconds(10), bd("99"));
            monitor.trade(BTC, candle.closeTime().plusMillis(5), bd("99"));
            monitor.trade(BTC, candle.closeTime().plusMillis(9), bd("99"));

            assertThat(monitor.candle(candle, T0.plus(M15)).violations()).isEmpty();
        }

        @Test
        void isSilentWhenDisabled() {
            QualityMonitor monitor = without(QualityRule.KLINE_CLOSE_VS_LAST_TRADE);
            monitor.trade(BTC, T0.plusSeconds(10), bd("50"));

            assertThat(monitor.candle(candle, T0.plus(M15)).violations()).isEmpty();
            assertThat(monitor.lastTradePrice(BTC)).contains(bd("50"));
        }
    }

    private static Candle candle(Instant open, String o, String h, String l, String c) {
        return new Candle(
                BTC,
                Interval.FIFTEEN_MINUTES,
                open,
                open.plus(M15).minusMillis(1),
                bd(o),
                bd(h),
                bd(l),
                bd(c),
                bd("1"),
                bd("10"),
                3,
                bd("0.5"),
                bd("5"));
    }

    private static Candle weekly(Instant open) {
        return new Candle(
                BTC,
                Interval.ONE_WEEK,
                open,
                open.plus(Duration.ofDays(7)).minusMillis(1),
                bd("10"),
                bd("12"),
                bd("9"),
                bd("11"),
                bd("1"),
                bd("10"),
                3,
                bd("0.5"),
                bd("5"));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
