package dev.peregrine.monitor.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.value.Side;
import dev.peregrine.monitor.OutcomeTestEvents;
import dev.peregrine.monitor.domain.outcome.UnmeasurableOutcome;
import dev.peregrine.monitor.domain.outcome.UnmeasurableReason;
import dev.peregrine.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpireOutcomesServiceTest {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final List<Duration> HORIZONS = List.of(Duration.ofHours(1), Duration.ofHours(3));
    private static final Duration DEADLINE = Duration.ofHours(9);

    private final InMemoryOutcomeStore store = new InMemoryOutcomeStore();
    private final RecordingOutcomeEvents events = new RecordingOutcomeEvents();
    private final CountingOutcomeMetrics metrics = new CountingOutcomeMetrics();
    private final MutableClock clock = new MutableClock(START.plus(Duration.ofHours(1)));
    private final AtomicLong sequence = new AtomicLong();
    private final OutcomeTestEvents market = new OutcomeTestEvents("BTCUSDT", START);
    private final MeasureOutcomesService measure = new MeasureOutcomesService(
            store,
            events,
            metrics,
            clock,
            () -> new UUID(0, sequence.incrementAndGet()),
            HORIZONS,
            new BigDecimal("0.002"),
            Duration.ofHours(6));
    private final ExpireOutcomesService expire = new ExpireOutcomesService(store, metrics, clock, DEADLINE);

    @BeforeEach
    void wireClock() {
        store.clock = clock;
    }

    @Test
    void aSignalWhoseCandlesNeverComeIsGivenUpAtItsDeadlineNeitherHitNorMissAndNeverPublished() {
        SignalValidated signal = market.signal(0, "ema-cross", Side.BUY, Grade.A);
        measure.signalValidated(signal);

        clock.advance(DEADLINE.minusSeconds(1));
        assertThat(expire.expireOverdue()).isZero();
        assertThat(store.pending).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(expire.expireOverdue()).isEqualTo(2);
        assertThat(store.pending).isEmpty();
        assertThat(metrics.unmeasurable)
                .extracting(UnmeasurableOutcome::reason)
                .containsOnly(UnmeasurableReason.NO_CANDLES);
        assertThat(metrics.unmeasurable.getFirst().detail()).contains("BTCUSDT 1h", "PT9H");
        assertThat(metrics.unmeasurable.getFirst().expiredAt()).isEqualTo(clock.instant());
        assertThat(metrics.pending).isZero();
        assertThat(metrics.measured).isEmpty();
        assertThat(events.published).isEmpty();

        // Given up once; a redelivered signal does not bring it back, and late candles do not measure it.
        assertThat(expire.expireOverdue()).isZero();
        measure.signalValidated(signal);
        for (int hour = 0; hour <= 5; hour++) {
            measure.candleClosed(market.candle(hour, "100"));
        }
        assertThat(store.pending).isEmpty();
        assertThat(events.published).isEmpty();
        assertThat(metrics.unmeasurable).hasSize(2);
    }

    @Test
    void candlesThatStopAfterTheEntryGiveUpOnlyTheHorizonsTheyCannotReach() {
        measure.signalValidated(market.signal(0, "ema-cross", Side.SELL, Grade.B));
        measure.candleClosed(market.candle(0, "100"));
        measure.candleClosed(market.candle(1, "100"));
        measure.candleClosed(market.candle(2, "99"));
        assertThat(events.published)
                .singleElement()
                .satisfies(o -> assertThat(o.horizon()).isEqualTo(Duration.ofHours(1)));

        clock.advance(DEADLINE);
        assertThat(expire.expireOverdue()).isEqualTo(1);
        assertThat(metrics.unmeasurable).singleElement().satisfies(o -> {
            assertThat(o.pending().horizon()).isEqualTo(Duration.ofHours(3));
            assertThat(o.reason()).isEqualTo(UnmeasurableReason.NO_EXIT_CANDLE);
            assertThat(o.detail()).contains("stopped at " + market.open(2), "PT3H");
        });
        assertThat(metrics.measured).hasSize(1);
    }

    @Test
    void aSeriesStillDeliveringCandlesAfterTheDeadlineIsMeasuredNotGivenUp() {
        measure.signalValidated(market.signal(0, "ema-cross", Side.BUY, Grade.A));
        measure.candleClosed(market.candle(0, "100"));
        clock.advance(DEADLINE.plusHours(1));
        // The service was down; the candles it missed are still arriving when the check runs.
        measure.candleClosed(market.candle(1, "100"));

        assertThat(expire.expireOverdue()).isZero();
        measure.candleClosed(market.candle(2, "101"));
        measure.candleClosed(market.candle(3, "102"));
        measure.candleClosed(market.candle(4, "103"));
        assertThat(events.published).hasSize(2);
        assertThat(metrics.unmeasurable).isEmpty();
        assertThat(store.pending).isEmpty();
    }

    @Test
    void aRestartedCheckFindsWhatThePreviousRunLeftPending() {
        measure.signalValidated(market.signal(0, "ema-cross", Side.BUY, Grade.A));
        clock.advance(DEADLINE.multipliedBy(3));

        ExpireOutcomesService restarted = new ExpireOutcomesService(store, metrics, clock, DEADLINE);
        assertThat(restarted.expireOverdue()).isEqualTo(2);
        assertThat(expire.expireOverdue()).isZero();
        assertThat(metrics.unmeasurable).hasSize(2);
    }

    @Test
    void refusesANonPositiveDeadline() {
        assertThatThrownBy(() -> new ExpireOutcomesService(store, metrics, clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
