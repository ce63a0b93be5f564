package dev.peregrine.risk.domain.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The marks the portfolio keeps: idle and surplus ones go, the ones valuation and fee conversion need stay. */
class PortfolioMarkBoundsTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final MarkBounds THREE_DAYS = new MarkBounds(100, Duration.ofDays(3));

    @Test
    void aMarkWithoutACandleForIdleAfterOfMarketTimeIsDropped() {
        Portfolio portfolio = Portfolio.withCash("USDT", new BigDecimal("10000"));
        mark(portfolio, "OLDUSDT", "1", T0);
        mark(portfolio, "NEWUSDT", "2", T0.plus(Duration.ofDays(2)));
        assertThat(portfolio.dropMarks(THREE_DAYS)).isEmpty();

        mark(portfolio, "NEWUSDT", "2", T0.plus(Duration.ofDays(3)));
        assertThat(portfolio.dropMarks(THREE_DAYS))
                .as("exactly idle-after old is not yet idle")
                .isEmpty();

        mark(portfolio, "NEWUSDT", "2", T0.plus(Duration.ofDays(3)).plusMillis(1));
        assertThat(portfolio.dropMarks(THREE_DAYS))
                .containsExactly(
                        new DroppedMark(Symbol.of("OLDUSDT"), new Mark(new BigDecimal("1"), T0), DroppedMark.Why.IDLE));
        assertThat(portfolio.mark(Symbol.of("OLDUSDT"))).isEmpty();
        assertThat(portfolio.mark(Symbol.of("NEWUSDT"))).isPresent();
        assertThat(portfolio.snapshot().marks()).containsOnlyKeys(Symbol.of("NEWUSDT"));
    }

    @Test
    void oneMarkMoreThanTheLimitDropsTheOldestTiesBySymbol() {
        Portfolio portfolio = Portfolio.withCash("USDT", new BigDecimal("10000"));
        MarkBounds two = new MarkBounds(2, Duration.ofDays(3));
        mark(portfolio, "BBBUSDT", "1", T0);
        mark(portfolio, "AAAUSDT", "1", T0);
        assertThat(portfolio.dropMarks(two)).isEmpty();

        mark(portfolio, "CCCUSDT", "1", T0.plusSeconds(60));
        assertThat(portfolio.dropMarks(two))
                .extracting(DroppedMark::symbol, DroppedMark::why)
                .containsExactly(tuple(Symbol.of("AAAUSDT"), DroppedMark.Why.CAPACITY));
        assertThat(portfolio.snapshot().marks()).containsOnlyKeys(Symbol.of("BBBUSDT"), Symbol.of("CCCUSDT"));
    }

    @Test
    void heldReservedAndFeeAssetMarksAreNeverDropped() {
        Portfolio portfolio = Portfolio.awaitingSeed("USDT");
        portfolio.seed(Map.of("USDT", new BigDecimal("10000"), "BNB", new BigDecimal("2")), T0);
        PositionKey held = new PositionKey("momentum", Symbol.of("HELDUSDT"));
        portfolio.completeOrder(new Trade(
                "entry-1",
                held,
                Side.BUY,
                OrderPurpose.ENTRY,
                new BigDecimal("10"),
                new BigDecimal("5"),
                new BigDecimal("0.01"),
                "BNB",
                T0));
        PositionKey pending = new PositionKey("momentum", Symbol.of("PENDUSDT"));
        portfolio.reserve(Reservation.entry(
                "entry-2",
                pending,
                new BigDecimal("100"),
                UUID.randomUUID(),
                new BigDecimal("9"),
                new BigDecimal("12"),
                T0));
        mark(portfolio, "PENDUSDT", "10", T0);
        mark(portfolio, "BNBUSDT", "300", T0);
        mark(portfolio, "IDLEUSDT", "1", T0);
        BigDecimal equityBefore = portfolio.valuation().equity();

        mark(portfolio, "OTHERUSDT", "1", T0.plus(Duration.ofDays(10)));
        // One mark at most: the idle one goes, then the only one not in use; the three in use exceed the bound.
        assertThat(portfolio.dropMarks(new MarkBounds(1, Duration.ofDays(3))))
                .extracting(DroppedMark::symbol, DroppedMark::why)
                .containsExactly(
                        tuple(Symbol.of("IDLEUSDT"), DroppedMark.Why.IDLE),
                        tuple(Symbol.of("OTHERUSDT"), DroppedMark.Why.CAPACITY));
        assertThat(portfolio.snapshot().marks())
                .containsOnlyKeys(Symbol.of("HELDUSDT"), Symbol.of("PENDUSDT"), Symbol.of("BNBUSDT"));
        assertThat(portfolio.valuation().equity()).as("nothing valued changed").isEqualByComparingTo(equityBefore);
        assertThat(portfolio.heldSymbols()).containsExactly(Symbol.of("HELDUSDT"), Symbol.of("PENDUSDT"));

        // Once the position is sold and the order ended, their marks (still from T0) are ordinary idle ones.
        portfolio.completeOrder(new Trade(
                "exit-1",
                held,
                Side.SELL,
                OrderPurpose.EXIT,
                new BigDecimal("10"),
                new BigDecimal("5"),
                new BigDecimal("0.01"),
                "USDT",
                T0.plus(Duration.ofDays(10))));
        portfolio.release("entry-2");
        assertThat(portfolio.heldSymbols()).isEmpty();
        assertThat(portfolio.dropMarks(new MarkBounds(100, Duration.ofDays(3))))
                .extracting(DroppedMark::symbol)
                .containsExactly(Symbol.of("HELDUSDT"), Symbol.of("PENDUSDT"));
        assertThat(portfolio.snapshot().marks()).containsOnlyKeys(Symbol.of("BNBUSDT"));
    }

    @Test
    void aDroppedSymbolThatComesBackIsMarkedAsNewEvenByAnEarlierClose() {
        Portfolio portfolio = Portfolio.withCash("USDT", new BigDecimal("10000"));
        mark(portfolio, "GONEUSDT", "5", T0);
        mark(portfolio, "BTCUSDT", "30000", T0.plus(Duration.ofDays(4)));
        assertThat(portfolio.dropMarks(THREE_DAYS))
                .extracting(DroppedMark::symbol)
                .containsExactly(Symbol.of("GONEUSDT"));

        // While kept, an earlier close is ignored; once dropped there is nothing to compare with, so it marks again.
        mark(portfolio, "GONEUSDT", "4", T0.minusSeconds(60));
        assertThat(portfolio.mark(Symbol.of("GONEUSDT"))).contains(new Mark(new BigDecimal("4"), T0.minusSeconds(60)));
        // ... and, being idle already, goes at the next check.
        assertThat(portfolio.dropMarks(THREE_DAYS))
                .extracting(DroppedMark::symbol)
                .containsExactly(Symbol.of("GONEUSDT"));

        mark(portfolio, "GONEUSDT", "6", T0.plus(Duration.ofDays(4)));
        assertThat(portfolio.dropMarks(THREE_DAYS)).isEmpty();
        assertThat(portfolio.markOf(Symbol.of("GONEUSDT"))).isEqualByComparingTo("6");
    }

    @Test
    void aRestoredPortfolioDropsExactlyWhatTheOriginalDoes() {
        Portfolio original = Portfolio.withCash("USDT", new BigDecimal("10000"));
        MarkBounds bounds = new MarkBounds(2, Duration.ofHours(30));
        for (int i = 0; i < 6; i++) {
            mark(original, "S" + i + "USDT", String.valueOf(i + 1), T0.plus(Duration.ofHours(12L * i)));
        }
        Portfolio restored = Portfolio.restore(original.snapshot());
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());

        List<DroppedMark> fromOriginal = original.dropMarks(bounds);
        assertThat(restored.dropMarks(bounds)).isEqualTo(fromOriginal);
        assertThat(fromOriginal)
                .extracting(DroppedMark::symbol, DroppedMark::why)
                .containsExactly(
                        tuple(Symbol.of("S0USDT"), DroppedMark.Why.IDLE),
                        tuple(Symbol.of("S1USDT"), DroppedMark.Why.IDLE),
                        tuple(Symbol.of("S2USDT"), DroppedMark.Why.IDLE),
                        tuple(Symbol.of("S3USDT"), DroppedMark.Why.CAPACITY));
        assertThat(Portfolio.restore(restored.snapshot()).snapshot()).isEqualTo(original.snapshot());
    }

    @Test
    void boundsRefuseNonsense() {
        assertThatThrownBy(() -> new MarkBounds(0, Duration.ofDays(3))).hasMessageContaining("maxMarks");
        assertThatThrownBy(() -> new MarkBounds(10, Duration.ZERO)).hasMessageContaining("idleAfter");
    }

    private static void mark(Portfolio portfolio, String symbol, String close, Instant at) {
        portfolio.mark(Symbol.of(symbol), new BigDecimal(close), at);
    }
}
