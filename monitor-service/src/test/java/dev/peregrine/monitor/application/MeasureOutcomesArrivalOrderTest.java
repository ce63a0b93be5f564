package dev.peregrine.monitor.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.common.value.Side;
import dev.peregrine.monitor.OutcomeTestEvents;
import dev.peregrine.monitor.domain.outcome.OutcomeFlag;
import dev.peregrine.monitor.domain.outcome.UnmeasurableReason;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What the monitor measures when a signal and its candles do not arrive in the order they happened: the signal topic
 * and the candle topic are consumed by two listeners, so either may run ahead of the other (docs/monitoring.md,
 * "Cross-check against SignalGradeReport", "A regression it caught").
 */
class MeasureOutcomesArrivalOrderTest {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final List<Duration> HORIZONS = List.of(Duration.ofHours(1), Duration.ofHours(3));
    /** As in MeasureOutcomesServiceTest: 6 h behind the latest candle (the service's default is 48 h for 24 h at most). */
    private static final Duration RETENTION = Duration.ofHours(6);

    private final InMemoryOutcomeStore store = new InMemoryOutcomeStore();
    private final RecordingOutcomeEvents events = new RecordingOutcomeEvents();
    private final AtomicLong sequence = new AtomicLong();
    private final OutcomeTestEvents market = new OutcomeTestEvents("BTCUSDT", START);
    private final MeasureOutcomesService outcomes = new MeasureOutcomesService(
            store,
            events,
            new CountingOutcomeMetrics(),
            Clock.fixed(Instant.parse("2024-03-02T00:00:00Z"), ZoneOffset.UTC),
            () -> new UUID(0, sequence.incrementAndGet()),
            HORIZONS,
            BigDecimal.ZERO,
            RETENTION);

    /** Candles {@code from..to}, each a flat candle at 100 + its hour, so a price names its candle. */
    private void candles(int from, int to) {
        for (int hour = from; hour <= to; hour++) {
            outcomes.candleClosed(market.candle(hour, Integer.toString(100 + hour)));
        }
    }

    @Test
    void aSignalArrivingAfterItsCandlesButWithinTheRetentionIsMeasuredFromItsOwnCandles() {
        candles(0, 6);

        outcomes.signalValidated(market.signal(0, "late", Side.BUY, Grade.B));

        // Entry candle 1 (101); exits candle 2 (1 h) and candle 4 (3 h); no candle was missing.
        assertThat(events.published).hasSize(2).allSatisfy(o -> {
            assertThat(o.entryTime()).isEqualTo(market.open(1));
            assertThat(o.flags()).isEmpty();
        });
        assertThat(events.published)
                .extracting(o -> o.exitPrice().value().stripTrailingZeros().toPlainString())
                .containsExactly("102", "104");
    }

    @Test
    void aCandleArrivingAfterALaterOneLeavesTheOutcomeMeasuredWithoutItFlaggedGap() {
        outcomes.signalValidated(market.signal(0, "s", Side.BUY, Grade.B));
        candles(0, 1);
        candles(3, 3); // candle 2 is late: the 1 h outcome is measured now, exit candle 3

        candles(2, 2); // ...and is not measured again when candle 2 arrives
        candles(4, 5);

        SignalOutcomeMeasured oneHour = events.published.getFirst();
        assertThat(oneHour.horizon()).isEqualTo(Duration.ofHours(1));
        assertThat(oneHour.exitTime()).isEqualTo(market.open(3));
        assertThat(oneHour.flags()).containsExactly(OutcomeFlag.GAP.name());
        // The 3 h outcome was measured after candle 2 arrived, from every candle.
        assertThat(events.published.get(1).exitTime()).isEqualTo(market.open(4));
        assertThat(events.published.get(1).flags()).isEmpty();
    }

    /**
     * Pruning keeps the candles that pending outcomes need, but a signal the monitor has not received yet has no pending
     * outcome. When the candle listener runs more than the retention ahead of the signal listener, the signal's candles
     * are deleted before it arrives. It used to be measured from the first candle still stored (a wrong entry and exit,
     * flagged only GAP, counted in every statistic: found by the cross-check, docs/monitoring.md); now it is given up at
     * once as CANDLES_PRUNED and never published.
     */
    @Test
    void aSignalArrivingAfterItsCandlesWerePrunedIsNeverMeasuredFromOtherCandles() {
        candles(0, 12); // retention 6 h behind candle 12: candles 0..5 are pruned

        outcomes.signalValidated(market.signal(0, "late", Side.BUY, Grade.B));

        // Either measured from its own candles (entry candle 1) or not at all: never from later ones.
        assertThat(events.published).allSatisfy(o -> assertThat(o.entryTime()).isEqualTo(market.open(1)));
        assertThat(events.published).isEmpty();
        assertThat(store.pending).isEmpty();
        assertThat(store.unmeasurable.values()).hasSize(HORIZONS.size()).allSatisfy(u -> {
            assertThat(u.reason()).isEqualTo(UnmeasurableReason.CANDLES_PRUNED);
            assertThat(u.detail()).contains("BTCUSDT").contains("were pruned before the signal");
        });

        // and more candles do not bring it back
        candles(13, 20);
        assertThat(events.published).isEmpty();
    }

    @Test
    void aSignalWhoseCandleIsStillKeptIsMeasuredEvenAfterOlderCandlesWerePruned() {
        candles(0, 12); // candles 0..5 are pruned, 6..12 kept

        outcomes.signalValidated(market.signal(6, "recent", Side.BUY, Grade.B));

        assertThat(events.published)
                .hasSize(2)
                .allSatisfy(o -> assertThat(o.entryTime()).isEqualTo(market.open(7)));
        assertThat(store.unmeasurable).isEmpty();
    }
}
