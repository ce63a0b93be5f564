package dev.peregrine.risk.domain.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DailyClosesTest {

    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);
    private static final LocalDate MARCH_2 = LocalDate.of(2024, 3, 2);

    private record Candle(Symbol symbol, Instant closeTime, double close) {}

    @Test
    void bucketsByTheUtcDayOfTheCloseTime() {
        DailyCloses closes = new DailyCloses(30);

        // a daily candle closes at 23:59:59.999 of its own day; a close time at 00:00:00 belongs to the next day
        closes.record(BTC, Instant.parse("2024-03-01T23:59:59.999Z"), new BigDecimal("61000.5"));
        closes.record(ETH, Instant.parse("2024-03-01T23:59:59.999Z"), 3400);
        closes.record(ETH, Instant.parse("2024-03-02T00:00:00Z"), 3410);

        assertThat(closes.closes(BTC)).containsExactly(entry(MARCH_1, 61000.5));
        assertThat(closes.closes(ETH)).containsExactly(entry(MARCH_1, 3400.0), entry(MARCH_2, 3410.0));
        assertThat(closes.latestDay()).contains(MARCH_2);
    }

    @Test
    void keepsTheCandleClosingLatestInTheDayWhateverTheArrivalOrder() {
        DailyCloses closes = new DailyCloses(30);

        assertThat(closes.record(BTC, Instant.parse("2024-03-01T23:59:59.999Z"), 103))
                .isTrue();
        assertThat(closes.record(BTC, Instant.parse("2024-03-01T12:59:59.999Z"), 101))
                .isFalse();
        assertThat(closes.record(BTC, Instant.parse("2024-03-01T00:59:59.999Z"), 100))
                .isFalse();

        assertThat(closes.closes(BTC)).containsExactly(entry(MARCH_1, 103.0));
    }

    @Test
    void aLaterCandleOfTheDayReplacesAndSoDoesOneWithTheSameCloseTime() {
        DailyCloses closes = new DailyCloses(30);

        closes.record(BTC, Instant.parse("2024-03-01T10:59:59.999Z"), 100);
        closes.record(BTC, Instant.parse("2024-03-01T11:59:59.999Z"), 101);
        assertThat(closes.closes(BTC)).containsExactly(entry(MARCH_1, 101.0));

        assertThat(closes.record(BTC, Instant.parse("2024-03-01T11:59:59.999Z"), 102))
                .isTrue();
        assertThat(closes.closes(BTC)).containsExactly(entry(MARCH_1, 102.0));
    }

    @Test
    void ignoresPricesThatAreNotPositiveAndFinite() {
        DailyCloses closes = new DailyCloses(30);
        Instant time = Instant.parse("2024-03-01T23:59:59.999Z");

        assertThat(closes.record(BTC, time, 0)).isFalse();
        assertThat(closes.record(BTC, time, -1)).isFalse();
        assertThat(closes.record(BTC, time, Double.NaN)).isFalse();
        assertThat(closes.record(BTC, time, Double.POSITIVE_INFINITY)).isFalse();
        assertThat(closes.record(BTC, time, BigDecimal.ZERO)).isFalse();
        assertThat(closes.record(BTC, time, new BigDecimal("-5"))).isFalse();
        assertThat(closes.record(BTC, time, new BigDecimal("1e400"))).isFalse();

        assertThat(closes.symbols()).isEmpty();
        assertThat(closes.latestDay()).isEmpty();
    }

    @Test
    void keepsOnlyTheLookbackPlusOneLatestDaysAndForgetsStaleSymbols() {
        DailyCloses closes = new DailyCloses(3);
        Instant firstClose = Instant.parse("2024-03-01T23:59:59.999Z");
        closes.record(ETH, firstClose, 3000);
        for (int day = 0; day < 10; day++) {
            closes.record(BTC, firstClose.plus(Duration.ofDays(day)), 100 + day);
        }

        // latest day March 10: March 7..10 kept, 4 closes for 3 returns; ETH's only day was dropped
        assertThat(closes.closes(BTC))
                .containsExactly(
                        entry(LocalDate.of(2024, 3, 7), 106.0), entry(LocalDate.of(2024, 3, 8), 107.0),
                        entry(LocalDate.of(2024, 3, 9), 108.0), entry(LocalDate.of(2024, 3, 10), 109.0));
        assertThat(closes.symbols()).containsExactly(BTC);
        assertThat(closes.closes(ETH)).isEmpty();
        // a late candle of a dropped day is not taken back in
        assertThat(closes.record(ETH, Instant.parse("2024-03-06T23:59:59.999Z"), 3100))
                .isFalse();
        assertThat(closes.record(ETH, Instant.parse("2024-03-07T23:59:59.999Z"), 3100))
                .isTrue();
    }

    @Test
    void theSameCandlesInAnyOrderGiveTheSameCloses() {
        List<Candle> candles = new ArrayList<>();
        Instant start = Instant.parse("2024-03-01T00:59:59.999Z");
        for (int hour = 0; hour < 24 * 8; hour++) {
            candles.add(new Candle(BTC, start.plus(Duration.ofHours(hour)), 60000 + hour));
            candles.add(new Candle(ETH, start.plus(Duration.ofHours(hour)), 3000 - hour));
        }
        List<Candle> shuffled = new ArrayList<>(candles);
        Collections.shuffle(shuffled, new Random(42));

        DailyCloses inOrder = new DailyCloses(5);
        DailyCloses outOfOrder = new DailyCloses(5);
        candles.forEach(c -> inOrder.record(c.symbol(), c.closeTime(), c.close()));
        shuffled.forEach(c -> outOfOrder.record(c.symbol(), c.closeTime(), c.close()));

        assertThat(outOfOrder.snapshot()).isEqualTo(inOrder.snapshot());
        // 8 days fed (March 1..8), 6 kept; the last hourly candle of March 8 closes at 23:59:59.999
        assertThat(inOrder.closes(BTC))
                .hasSize(6)
                .containsEntry(LocalDate.of(2024, 3, 8), 60000.0 + 24 * 8 - 1)
                .containsEntry(LocalDate.of(2024, 3, 3), 60000.0 + 24 * 3 - 1);
    }

    @Test
    void theSnapshotIsAnImmutableCopy() {
        DailyCloses closes = new DailyCloses(30);
        closes.record(BTC, Instant.parse("2024-03-01T23:59:59.999Z"), 100);

        var snapshot = closes.snapshot();
        closes.record(BTC, Instant.parse("2024-03-02T23:59:59.999Z"), 101);

        assertThat(snapshot.get(BTC)).containsExactly(entry(MARCH_1, 100.0));
        assertThatThrownBy(() -> snapshot.get(BTC).put(MARCH_2, 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void beyondMaxSymbolsTheSymbolsWhoseLatestDayIsOldestGoTiesBySymbolHeldOnesNever() {
        DailyCloses closes = new DailyCloses(30);
        Symbol sol = Symbol.of("SOLUSDT");
        Symbol xrp = Symbol.of("XRPUSDT");
        closes.record(BTC, Instant.parse("2024-03-01T23:59:59.999Z"), 100);
        closes.record(ETH, Instant.parse("2024-03-01T12:00:00Z"), 10);
        closes.record(sol, Instant.parse("2024-03-02T23:59:59.999Z"), 1);
        closes.record(xrp, Instant.parse("2024-03-03T23:59:59.999Z"), 0.5);
        assertThat(closes.dropBeyond(4, Set.of())).isEmpty();

        // BTC and ETH both last closed on March 1: the tie goes by symbol, whatever the hour.
        assertThat(closes.dropBeyond(3, Set.of())).containsExactly(BTC);
        assertThat(closes.symbols()).containsExactly(ETH, sol, xrp);

        // A held symbol stays, even the oldest; the next oldest goes instead.
        assertThat(closes.dropBeyond(2, Set.of(ETH))).containsExactly(sol);
        assertThat(closes.symbols()).containsExactly(ETH, xrp);

        // Only held symbols left to drop: the bound gives way rather than drop them.
        assertThat(closes.dropBeyond(1, Set.of(ETH, xrp))).isEmpty();
        assertThat(closes.symbols()).containsExactly(ETH, xrp);
    }

    @Test
    void aRestoredInstanceDropsWhatTheOriginalDoes() {
        DailyCloses original = new DailyCloses(5);
        Instant start = Instant.parse("2024-03-01T09:59:59.999Z");
        for (int i = 0; i < 6; i++) {
            original.record(Symbol.of("S" + i + "USDT"), start.plus(Duration.ofHours(10L * i)), 1 + i);
        }
        // Stored closes keep only their day, as the book stores them (RollingCorrelationGroups.restore).
        DailyCloses restored = new DailyCloses(5);
        original.snapshot()
                .forEach((symbol, days) -> days.forEach((day, close) -> restored.record(
                        symbol,
                        day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1),
                        close)));

        List<Symbol> dropped = original.dropBeyond(2, Set.of());
        assertThat(restored.dropBeyond(2, Set.of())).isEqualTo(dropped);
        assertThat(dropped)
                .containsExactly(Symbol.of("S0USDT"), Symbol.of("S1USDT"), Symbol.of("S2USDT"), Symbol.of("S3USDT"));
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
    }

    @Test
    void refusesALookbackTooShortForTwoReturns() {
        assertThatThrownBy(() -> new DailyCloses(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lookbackDays must be within [2, 366]: 1");
    }
}
