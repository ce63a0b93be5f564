package dev.peregrine.ingest.domain.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.value.Interval;
import dev.peregrine.ingest.TestCandles;
import dev.peregrine.ingest.domain.Series;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeriesGateTest {

    private static final Series BTC = TestCandles.series("BTCUSDT", Interval.ONE_MINUTE);
    private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

    private static CandleArrival live(int slot) {
        return CandleArrival.streamed(TestCandles.candle(BTC, START, slot), START.plusSeconds(60L * (slot + 1)));
    }

    private static CandleArrival rest(int slot) {
        return CandleArrival.backfilled(TestCandles.candle(BTC, START, slot));
    }

    private static Instant open(int slot) {
        return START.plusSeconds(60L * slot);
    }

    private static List<Instant> openTimes(List<CandleArrival> arrivals) {
        return arrivals.stream().map(CandleArrival::openTime).toList();
    }

    @Test
    void withoutBackfillLiveCandlesGoOnAtOnceEvenRepeatedOrOlderOnesForTheStageToJudge() {
        SeriesGate gate = new SeriesGate(BTC, Optional.empty());

        assertThat(gate.offerLive(live(0))).isEqualTo(new SeriesGate.Release(live(0)));
        assertThat(gate.offerLive(live(1))).isInstanceOf(SeriesGate.Release.class);
        assertThat(gate.offerLive(live(1))).isInstanceOf(SeriesGate.Release.class);
        assertThat(gate.offerLive(live(0))).isInstanceOf(SeriesGate.Release.class);
        assertThat(gate.lastReleased()).contains(open(1));
    }

    @Test
    void aStartupBackfillHoldsLiveCandlesAndReleasesEverythingOnceInOpenTimeOrder() {
        SeriesGate gate = new SeriesGate(BTC, Optional.empty());

        assertThat(gate.beginBackfill(500)).contains(BackfillRange.latest(500));
        assertThat(gate.offerLive(live(5))).isInstanceOf(SeriesGate.Held.class);
        assertThat(gate.offerLive(live(4))).isInstanceOf(SeriesGate.Held.class);
        assertThat(gate.offerLive(live(5))).isInstanceOf(SeriesGate.Held.class);
        assertThat(gate.heldCount()).isEqualTo(2);

        SeriesGate.Completion completion = gate.completeBackfill(List.of(rest(1), rest(2), rest(3), rest(4)));

        assertThat(openTimes(completion.release())).containsExactly(open(1), open(2), open(3), open(4), open(5));
        assertThat(completion.release().get(3).origin())
                .as("the backfilled one wins a tie")
                .isEqualTo(CandleArrival.Origin.BACKFILL);
        assertThat(completion.release().get(4).origin()).isEqualTo(CandleArrival.Origin.STREAM);
        assertThat(completion.again()).isFalse();
        assertThat(gate.backfilling()).isFalse();
        assertThat(gate.heldCount()).isZero();
        assertThat(gate.lastReleased()).contains(open(5));
        assertThat(gate.offerLive(live(6))).isInstanceOf(SeriesGate.Release.class);
    }

    @Test
    void aReconnectBackfillResumesAfterTheLastReleasedCandleAndDropsTheOverlap() {
        SeriesGate gate = new SeriesGate(BTC, Optional.of(open(9)));

        assertThat(gate.beginBackfill(500)).contains(BackfillRange.since(open(10)));
        SeriesGate.Completion completion = gate.completeBackfill(List.of(rest(8), rest(9), rest(10), rest(11)));

        assertThat(openTimes(completion.release())).containsExactly(open(10), open(11));
    }

    @Test
    void aLiveCandleAfterAHoleStartsABackfillOfTheHoleAndWaitsForIt() {
        SeriesGate gate = new SeriesGate(BTC, Optional.empty());
        gate.offerLive(live(0));

        SeriesGate.Offer offer = gate.offerLive(live(4));

        assertThat(offer).isEqualTo(new SeriesGate.Gap(BackfillRange.between(open(1), open(4).minusMillis(1))));
        assertThat(gate.offerLive(live(5))).isInstanceOf(SeriesGate.Held.class);
        SeriesGate.Completion completion = gate.completeBackfill(List.of(rest(1), rest(2), rest(3)));
        assertThat(openTimes(completion.release())).containsExactly(open(1), open(2), open(3), open(4), open(5));
    }

    @Test
    void aFailedBackfillLetsTheHeldCandlesGoOnWithTheHoleLeftForTheStage() {
        SeriesGate gate = new SeriesGate(BTC, Optional.of(open(0)));
        gate.offerLive(live(3));

        SeriesGate.Completion completion = gate.failBackfill();

        assertThat(openTimes(completion.release())).containsExactly(open(3));
        assertThat(gate.backfilling()).isFalse();
        assertThat(gate.lastReleased()).contains(open(3));
    }

    @Test
    void aBackfillAskedForWhileOneRunsIsRememberedAndResumesFromTheLastReleasedCandle() {
        SeriesGate gate = new SeriesGate(BTC, Optional.of(open(0)));
        gate.beginBackfill(500);

        assertThat(gate.beginBackfill(500)).isEmpty();
        SeriesGate.Completion completion = gate.completeBackfill(List.of(rest(1), rest(2)));

        assertThat(completion.again()).isTrue();
        assertThat(gate.beginBackfill(500)).contains(BackfillRange.since(open(3)));
        assertThat(gate.completeBackfill(List.of()).again()).isFalse();
    }

    @Test
    void refusesMisuse() {
        SeriesGate gate = new SeriesGate(BTC, Optional.empty());
        assertThatThrownBy(() -> gate.completeBackfill(List.of())).isInstanceOf(IllegalStateException.class);
        Series eth = TestCandles.series("ETHUSDT", Interval.ONE_MINUTE);
        assertThatThrownBy(() -> gate.offerLive(CandleArrival.backfilled(TestCandles.candle(eth, START, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
