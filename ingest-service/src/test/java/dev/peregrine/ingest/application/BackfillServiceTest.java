package dev.peregrine.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Interval;
import dev.peregrine.ingest.TestCandles;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.live.BackfillRange;
import dev.peregrine.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillServiceTest {

    private static final Series BTC = TestCandles.series("BTCUSDT", Interval.ONE_MINUTE);
    private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

    private final LiveFakes.FakeExchange exchange = new LiveFakes.FakeExchange();
    /** Slot 2500 is open: the clock is in its middle. */
    private final MutableClock clock =
            new MutableClock(START.plus(Duration.ofMinutes(2500)).plusSeconds(30));

    private final List<Duration> pauses = new ArrayList<>();
    private final BackfillService service = new BackfillService(
            exchange,
            pause -> {
                pauses.add(pause);
                clock.set(clock.instant().plus(pause));
            },
            clock,
            100_000);

    private void release(int slots) {
        for (int slot = 0; slot < slots; slot++) {
            exchange.release(TestCandles.candle(BTC, START, slot));
        }
    }

    private static Instant open(int slot) {
        return START.plus(Duration.ofMinutes(slot));
    }

    @Test
    void readsForwardsInPagesOfAThousandAndKeepsOnlyClosedKlines() {
        release(2501);

        List<Candle> candles = service.fetch(BTC, BackfillRange.since(open(10)));

        assertThat(candles).hasSize(2490);
        assertThat(candles.getFirst().openTime()).isEqualTo(open(10));
        assertThat(candles.getLast().openTime()).as("slot 2500 is still open").isEqualTo(open(2499));
        assertThat(candles).extracting(Candle::openTime).isSorted().doesNotHaveDuplicates();
        assertThat(exchange.requests)
                .containsExactly(
                        "klines BTCUSDT-1m start=" + open(10) + " end=- limit=1000",
                        "klines BTCUSDT-1m start=" + open(1009).plusMillis(1) + " end=- limit=1000",
                        "klines BTCUSDT-1m start=" + open(2009).plusMillis(1) + " end=- limit=1000");
    }

    @Test
    void aHoleIsReadUpToItsEnd() {
        release(100);

        List<Candle> candles = service.fetch(BTC, BackfillRange.between(open(40), open(45).minusMillis(1)));

        assertThat(candles)
                .extracting(Candle::openTime)
                .containsExactly(open(40), open(41), open(42), open(43), open(44));
        assertThat(exchange.requests).hasSize(1);
    }

    @Test
    void theLatestNAreReadBackwardsAcrossPagesWithoutTheOpenKline() {
        release(2501);

        List<Candle> candles = service.fetch(BTC, BackfillRange.latest(1500));

        assertThat(candles).hasSize(1500);
        assertThat(candles.getFirst().openTime()).isEqualTo(open(1000));
        assertThat(candles.getLast().openTime()).isEqualTo(open(2499));
        assertThat(candles).extracting(Candle::openTime).isSorted().doesNotHaveDuplicates();
        assertThat(exchange.requests)
                .containsExactly(
                        "klines BTCUSDT-1m start=- end=- limit=1000",
                        "klines BTCUSDT-1m start=- end=" + open(1501).minusMillis(1) + " limit=501");
    }

    @Test
    void aShortHistoryGivesWhatThereIsAndDepthZeroAsksForNothing() {
        release(3);

        assertThat(service.fetch(BTC, BackfillRange.latest(500)))
                .extracting(Candle::openTime)
                .containsExactly(open(0), open(1), open(2));
        assertThat(service.fetch(BTC, BackfillRange.latest(0))).isEmpty();
        assertThat(exchange.requests).hasSize(1);
    }

    @Test
    void aKlineThatClosedLessThanASecondAgoIsWaitedForAndReadAgain() {
        release(4);
        clock.set(open(3).plusMillis(300));

        List<Candle> candles = service.fetch(BTC, BackfillRange.since(open(0)));

        assertThat(candles).extracting(Candle::openTime).containsExactly(open(0), open(1), open(2));
        assertThat(pauses).containsExactly(Duration.ofMillis(700));
        assertThat(exchange.requests)
                .containsExactly(
                        "klines BTCUSDT-1m start=" + open(0) + " end=- limit=1000",
                        "klines BTCUSDT-1m start=" + open(2) + " end=- limit=1000");
    }

    @Test
    void theLatestAreReadAgainOnceTheNewestClosedKlineIsSafelyClosed() {
        release(3);
        clock.set(open(3).plusMillis(500));

        assertThat(service.fetch(BTC, BackfillRange.latest(10)))
                .extracting(Candle::openTime)
                .containsExactly(open(0), open(1), open(2));
        assertThat(pauses).containsExactly(Duration.ofMillis(500));
    }
}
