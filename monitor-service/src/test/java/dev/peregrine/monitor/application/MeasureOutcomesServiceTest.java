package dev.peregrine.monitor.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.value.Side;
import dev.peregrine.monitor.OutcomeTestEvents;
import dev.peregrine.monitor.application.port.in.MeasureOutcomes.CandleRecording;
import dev.peregrine.monitor.application.port.in.Recording;
import dev.peregrine.monitor.domain.outcome.OutcomeCandle;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MeasureOutcomesServiceTest {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final List<Duration> HORIZONS = List.of(Duration.ofHours(1), Duration.ofHours(3));

    private final InMemoryOutcomeStore store = new InMemoryOutcomeStore();
    private final RecordingOutcomeEvents events = new RecordingOutcomeEvents();
    private final CountingOutcomeMetrics metrics = new CountingOutcomeMetrics();
    private final Clock clock = Clock.fixed(Instant.parse("2024-03-02T00:00:00Z"), ZoneOffset.UTC);
    private final AtomicLong sequence = new AtomicLong();
    private final OutcomeTestEvents market = new OutcomeTestEvents("BTCUSDT", START);
    private MeasureOutcomesService outcomes = assemble();

    private MeasureOutcomesService assemble() {
        return new MeasureOutcomesService(
                store,
                events,
                metrics,
                clock,
                () -> new UUID(0, sequence.incrementAndGet()),
                HORIZONS,
                new BigDecimal("0.002"),
                Duration.ofHours(6));
    }

    @Test
    void measuresEveryHorizonOnceItsExitCandleHasClosedAndPublishesEachOnce() {
        SignalValidated signal = market.signal(0, "ema-cross", Side.BUY, Grade.A);
        outcomes.candleClosed(market.candle(0, "100"));
        assertThat(outcomes.signalValidated(signal)).isEqualTo(Recording.NEW);
        assertThat(metrics.pending).isEqualTo(2);

        outcomes.candleClosed(market.candle(1, "100", "104", "99", "101"));
        assertThat(events.published).isEmpty();
        outcomes.candleClosed(market.candle(2, "102", "103", "101", "102"));
        assertThat(events.published).singleElement().satisfies(outcome -> {
            assertThat(outcome.horizon()).isEqualTo(Duration.ofHours(1));
            assertThat(outcome.entryPrice().value()).isEqualByComparingTo("100");
            assertThat(outcome.exitPrice().value()).isEqualByComparingTo("102");
            assertThat(outcome.forwardReturn()).isEqualByComparingTo("0.02");
            assertThat(outcome.netReturn()).isEqualByComparingTo("0.018");
            assertThat(outcome.maxFavourableExcursion()).isEqualByComparingTo("0.04");
            assertThat(outcome.maxAdverseExcursion()).isEqualByComparingTo("-0.01");
            assertThat(outcome.hit()).isTrue();
            assertThat(outcome.grade()).isEqualTo(Grade.A);
            assertThat(outcome.tradeable()).isFalse();
            assertThat(outcome.envelope().correlationId())
                    .isEqualTo(signal.envelope().correlationId());
            assertThat(outcome.envelope().causationId())
                    .isEqualTo(signal.envelope().eventId());
            assertThat(outcome.envelope().eventTime()).isEqualTo(market.open(3).minusMillis(1));
        });
        assertThat(metrics.pending).isEqualTo(1);

        outcomes.candleClosed(market.candle(3, "103"));
        outcomes.candleClosed(market.candle(4, "97"));
        assertThat(events.published)
                .extracting(SignalOutcomeMeasured::horizon)
                .containsExactly(Duration.ofHours(1), Duration.ofHours(3));
        assertThat(events.published.get(1).forwardReturn()).isEqualByComparingTo("-0.03");
        assertThat(events.published.get(1).hit()).isFalse();
        assertThat(metrics.measured).hasSize(2);
        assertThat(metrics.pending).isZero();

        // Redeliveries change nothing.
        assertThat(outcomes.signalValidated(signal)).isEqualTo(Recording.DUPLICATE);
        assertThat(outcomes.candleClosed(market.candle(4, "97"))).isEqualTo(CandleRecording.DUPLICATE);
        outcomes.candleClosed(market.candle(5, "97"));
        assertThat(events.published).hasSize(2);
        assertThat(metrics.measured).hasSize(2);
    }

    @Test
    void aSignalArrivingAfterItsCandlesIsMeasuredAtOnce() {
        for (int hour = 0; hour <= 4; hour++) {
            outcomes.candleClosed(market.candle(hour, Integer.toString(100 + hour)));
        }

        outcomes.signalValidated(market.signal(0, "rsi", Side.SELL, Grade.C));

        // SELL, entry 101 (candle 1), exits 102 (1 h): -1/101, and 104 (3 h): -3/101
        assertThat(events.published)
                .extracting(o -> o.forwardReturn().stripTrailingZeros().toPlainString())
                .containsExactly("-0.00990099", "-0.02970297");
        assertThat(metrics.pending).isZero();
    }

    @Test
    void aStrategysPausedAndUntradeableSignalsAreMeasuredLikeAnyOther() {
        SignalValidated signal = market.signal(0, "paused-one", Side.BUY, Grade.F);
        assertThat(signal.tradeable()).isFalse();

        outcomes.signalValidated(signal);
        for (int hour = 0; hour <= 4; hour++) {
            outcomes.candleClosed(market.candle(hour, "100"));
        }

        assertThat(events.published)
                .hasSize(2)
                .allSatisfy(o -> assertThat(o.strategyId()).isEqualTo("paused-one"));
    }

    @Test
    void aPendingOutcomeSurvivesARestartAndIsCompletedFromStoredCandlesOnlyOnce() {
        outcomes.signalValidated(market.signal(0, "ema-cross", Side.BUY, Grade.B));
        outcomes.candleClosed(market.candle(0, "100"));
        outcomes.candleClosed(market.candle(1, "100"));
        outcomes.candleClosed(market.candle(2, "101"));
        assertThat(events.published).hasSize(1);
        // The process dies after candles 3 and 4 were stored but before they were measured against.
        store.saveCandle(OutcomeCandle.of(market.candle(3, "102")));
        store.saveCandle(OutcomeCandle.of(market.candle(4, "105")));

        outcomes = assemble();
        assertThat(outcomes.recover()).isEqualTo(1);
        assertThat(outcomes.recover()).isZero();

        assertThat(events.published)
                .extracting(SignalOutcomeMeasured::horizon)
                .containsExactly(Duration.ofHours(1), Duration.ofHours(3));
        assertThat(events.published.get(1).exitPrice().value()).isEqualByComparingTo("105");
        assertThat(metrics.pending).isZero();
    }

    @Test
    void anOutcomeMeasuredWhileTheBrokerWasDownIsPublishedLaterWithTheSameEventId() {
        outcomes.signalValidated(market.signal(0, "ema-cross", Side.BUY, Grade.B));
        outcomes.candleClosed(market.candle(0, "100"));
        outcomes.candleClosed(market.candle(1, "100"));
        events.down = true;
        assertThatThrownBy(() -> outcomes.candleClosed(market.candle(2, "101"))).hasMessageContaining("broker down");
        assertThat(store.measured).hasSize(1);
        UUID eventId = store.measured.values().iterator().next().eventId();

        events.down = false;
        outcomes = assemble();
        outcomes.recover();
        // The redelivered candle finds the outcome measured: no second measurement, no second publication.
        outcomes.candleClosed(market.candle(2, "101"));

        assertThat(events.published)
                .singleElement()
                .satisfies(o -> assertThat(o.envelope().eventId()).isEqualTo(eventId));
        assertThat(metrics.measured).hasSize(1);
    }

    @Test
    void anInconsistentCandleIsRejectedAndNeverMeasuredAgainst() {
        outcomes.signalValidated(market.signal(0, "ema-cross", Side.BUY, Grade.B));

        assertThat(outcomes.candleClosed(market.candle(1, "100", "99", "98", "100")))
                .isEqualTo(CandleRecording.REJECTED);

        assertThat(metrics.rejectedCandles).containsExactly("BTCUSDT:INCONSISTENT_OHLC");
        assertThat(store.candles).isEmpty();
    }

    @Test
    void oldCandlesArePrunedOnTheHourButNotThoseAPendingOutcomeNeeds() {
        outcomes.signalValidated(market.signal(0, "ema-cross", Side.BUY, Grade.B));
        outcomes.signalValidated(market.signal(6, "late", Side.BUY, Grade.B));
        for (int hour = 0; hour <= 12; hour++) {
            outcomes.candleClosed(market.candle(hour, "100"));
        }
        // Both signals are measured (signal 6 exits at candles 8 and 10), so only the retention holds candles back.
        assertThat(metrics.pending).isZero();
        // Retention 6 h behind candle 12: candles 6..12 remain.
        assertThat(store.candles.values().iterator().next().firstKey()).isEqualTo(market.open(6));

        // Signal 12 waits: its 3 h exit is candle 16, missing, so it waits for candle 17 (candles 14 and 16 never
        // come).
        outcomes.signalValidated(market.signal(12, "newest", Side.BUY, Grade.B));
        for (int hour = 13; hour <= 30; hour++) {
            if (hour != 14 && hour != 16) {
                outcomes.candleClosed(market.candle(hour, "100"));
            }
        }
        assertThat(store.candles.values().iterator().next().firstKey()).isEqualTo(market.open(24));
    }

    @Test
    void refusesARetentionShorterThanTheLongestHorizon() {
        assertThatThrownBy(() -> new MeasureOutcomesService(
                        store,
                        events,
                        metrics,
                        clock,
                        UUID::randomUUID,
                        HORIZONS,
                        BigDecimal.ZERO,
                        Duration.ofHours(3)))
                .hasMessageContaining("must exceed the longest horizon");
    }
}
