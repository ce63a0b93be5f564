package dev.peregrine.risk.domain.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hand-computed scenario of docs/risk.md, to the last digit, and the bookkeeping rules around it. */
class PortfolioTest {

    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final PositionKey KEY = new PositionKey("momentum", BTC);
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @Test
    void theDocumentedScenarioGivesPositionsPnlAndEquityExactly() {
        Portfolio portfolio = Portfolio.withCash("USDT", new BigDecimal("10000"));
        portfolio.reserve(Reservation.entry(
                "entry-1",
                KEY,
                new BigDecimal("3015"),
                UUID.randomUUID(),
                new BigDecimal("29000"),
                new BigDecimal("32000"),
                T0));

        // 1. BUY 0.1 @ 30000, fee 3 USDT
        portfolio.completeOrder(trade("entry-1", Side.BUY, OrderPurpose.ENTRY, "0.1", "30000", "3", 0));
        assertThat(portfolio.reservation("entry-1")).isEmpty();
        assertThat(portfolio.cash("USDT")).isEqualByComparingTo("6997");
        Position p = portfolio.position(KEY).orElseThrow();
        assertThat(p.quantity()).isEqualByComparingTo("0.1");
        assertThat(p.cost()).isEqualByComparingTo("3000");
        assertThat(p.realisedPnl()).isEqualByComparingTo("-3");
        assertThat(p.stopLoss()).isEqualByComparingTo("29000");

        // 2. candle closes at 31000
        portfolio.mark(BTC, new BigDecimal("31000"), T0.plusSeconds(900));
        assertThat(portfolio.valuation().equity()).isEqualByComparingTo("10097");
        assertThat(portfolio.position(KEY).orElseThrow().unrealisedPnl(new BigDecimal("31000")))
                .isEqualByComparingTo("100");

        // 3. BUY 0.05 @ 32000, fee 1.6
        portfolio.completeOrder(trade("entry-2", Side.BUY, OrderPurpose.ENTRY, "0.05", "32000", "1.6", 1800));
        p = portfolio.position(KEY).orElseThrow();
        assertThat(portfolio.cash("USDT")).isEqualByComparingTo("5395.4");
        assertThat(p.quantity()).isEqualByComparingTo("0.15");
        assertThat(p.cost()).isEqualByComparingTo("4600");
        assertThat(p.averageEntry()).isEqualByComparingTo("30666.666666666666666667");
        assertThat(p.realisedPnl()).isEqualByComparingTo("-4.6");

        // 4. SELL 0.06 @ 33000, fee 1.98
        portfolio.completeOrder(trade("exit-1", Side.SELL, OrderPurpose.EXIT, "0.06", "33000", "1.98", 2700));
        p = portfolio.position(KEY).orElseThrow();
        assertThat(p.quantity()).isEqualByComparingTo("0.09");
        assertThat(p.cost()).isEqualByComparingTo("2760");
        assertThat(p.realisedPnl()).isEqualByComparingTo("133.42");
        assertThat(portfolio.cash("USDT")).isEqualByComparingTo("7373.42");

        // 5. candle closes at 32500
        portfolio.mark(BTC, new BigDecimal("32500"), T0.plusSeconds(3600));
        Valuation v = portfolio.valuation();
        assertThat(v.equity()).isEqualByComparingTo("10298.42");
        assertThat(v.grossExposure()).isEqualByComparingTo("2925");
        assertThat(p.unrealisedPnl(new BigDecimal("32500"))).isEqualByComparingTo("165");
        assertThat(p.realisedPnl().add(p.unrealisedPnl(new BigDecimal("32500"))))
                .isEqualByComparingTo(v.equity().subtract(new BigDecimal("10000")));

        // 6. the stop fills: SELL 0.09 @ 31000, fee 2.79
        TradeApplied closed = portfolio
                .completeOrder(trade("stop-1", Side.SELL, OrderPurpose.STOP_LOSS, "0.09", "31000", "2.79", 4500))
                .orElseThrow();
        assertThat(closed.closed()).isTrue();
        assertThat(closed.after().realisedPnl()).isEqualByComparingTo("160.63");
        assertThat(closed.after().closeReason()).isEqualTo("STOP_LOSS");
        assertThat(closed.after().fees()).isEqualByComparingTo("9.37");
        assertThat(portfolio.position(KEY)).isEmpty();
        assertThat(portfolio.cash("USDT")).isEqualByComparingTo("10160.63");
        assertThat(portfolio.valuation().equity()).isEqualByComparingTo("10160.63");
        assertThat(portfolio.valuation().highWaterMark()).isEqualByComparingTo("10298.42");
    }

    @Test
    void aFeeInTheBaseAssetIsPaidInUnitsAndStillAddsUpToTheChangeInEquity() {
        Symbol eth = Symbol.of("ETHUSDT");
        PositionKey key = new PositionKey("breakout", eth);
        Portfolio portfolio = Portfolio.withCash("USDT", new BigDecimal("10000"));

        portfolio.completeOrder(new Trade(
                "e",
                key,
                Side.BUY,
                OrderPurpose.ENTRY,
                new BigDecimal("1"),
                new BigDecimal("2000"),
                new BigDecimal("0.001"),
                "ETH",
                T0));
        Position p = portfolio.position(key).orElseThrow();
        assertThat(p.quantity()).isEqualByComparingTo("0.999");
        assertThat(p.averageEntry()).isEqualByComparingTo("2002.002002002002002002");
        assertThat(portfolio.cash("USDT")).isEqualByComparingTo("8000");

        TradeApplied sold = portfolio
                .completeOrder(new Trade(
                        "x",
                        key,
                        Side.SELL,
                        OrderPurpose.EXIT,
                        new BigDecimal("0.999"),
                        new BigDecimal("2100"),
                        new BigDecimal("2.0979"),
                        "USDT",
                        T0.plusSeconds(60)))
                .orElseThrow();
        assertThat(sold.after().realisedPnl()).isEqualByComparingTo("95.8021");
        assertThat(portfolio.valuation().equity()).isEqualByComparingTo("10095.8021");
    }

    @Test
    void partialFillsThenTheCompletionApplyEachUnitOnceAndReleaseTheReservationOnce() {
        Portfolio portfolio = Portfolio.withCash("USDT", new BigDecimal("10000"));
        portfolio.reserve(Reservation.entry("e", KEY, new BigDecimal("3100"), UUID.randomUUID(), null, null, T0));

        portfolio.applyTrade(trade("e", Side.BUY, OrderPurpose.ENTRY, "0.04", "30000", "1.2", 0));
        assertThat(portfolio.reservation("e").orElseThrow().quoteAmount()).isEqualByComparingTo("1900");
        portfolio.completeOrder(trade("e", Side.BUY, OrderPurpose.ENTRY, "0.1", "30010", "3.001", 0));

        Position p = portfolio.position(KEY).orElseThrow();
        assertThat(p.quantity()).isEqualByComparingTo("0.1");
        // 0.04 x 30000 + 0.06 x 30016.666... = 3001 = 0.1 x 30010
        assertThat(p.cost()).isEqualByComparingTo("3001");
        assertThat(p.fees()).isEqualByComparingTo("3.001");
        assertThat(portfolio.reservations()).isEmpty();
        assertThat(portfolio.release("e")).isEmpty();
    }

    @Test
    void anExitReservesWhatItSellsSoASecondExitFindsNothingToSell() {
        Portfolio portfolio = Portfolio.withCash("USDT", new BigDecimal("10000"));
        portfolio.completeOrder(trade("e", Side.BUY, OrderPurpose.ENTRY, "0.1", "30000", "3", 0));

        portfolio.reserve(Reservation.exit("x1", KEY, new BigDecimal("0.1"), T0));

        assertThat(portfolio.sellable(KEY)).isZero();
        portfolio.release("x1");
        assertThat(portfolio.sellable(KEY)).isEqualByComparingTo("0.1");
    }

    @Test
    void aSaleBeyondThePositionIsClippedAndRecordedNeverANegativePosition() {
        Portfolio portfolio = Portfolio.withCash("USDT", new BigDecimal("10000"));
        portfolio.completeOrder(trade("e", Side.BUY, OrderPurpose.ENTRY, "0.1", "30000", "3", 0));

        TradeApplied applied = portfolio
                .completeOrder(trade("x", Side.SELL, OrderPurpose.EXIT, "0.2", "30000", "0", 60))
                .orElseThrow();

        assertThat(applied.anomalies()).singleElement().asString().startsWith("SELL_EXCEEDS_POSITION");
        assertThat(applied.after().quantity()).isZero();
    }

    @Test
    void theDayStartsAtMidnightUtcOnTheLastMarksAndASnapshotRestoresTheSameBook() {
        Portfolio portfolio = Portfolio.withCash("USDT", new BigDecimal("10000"));
        portfolio.completeOrder(trade("e", Side.BUY, OrderPurpose.ENTRY, "0.1", "30000", "3", 0));
        portfolio.mark(BTC, new BigDecimal("31000"), Instant.parse("2024-03-01T23:59:59.999Z"));
        portfolio.mark(BTC, new BigDecimal("30000"), Instant.parse("2024-03-02T00:14:59.999Z"));

        Valuation v = portfolio.valuation();
        assertThat(v.dayStartEquity()).isEqualByComparingTo("10097");
        assertThat(v.dailyPnl()).isEqualByComparingTo("-100");

        Portfolio restored = Portfolio.restore(portfolio.snapshot());
        assertThat(restored.snapshot()).isEqualTo(portfolio.snapshot());
        assertThat(restored.valuation()).isEqualTo(v);
    }

    private static Trade trade(
            String order,
            Side side,
            OrderPurpose purpose,
            String quantity,
            String price,
            String fee,
            long secondsAfterStart) {
        return new Trade(
                order,
                KEY,
                side,
                purpose,
                new BigDecimal(quantity),
                new BigDecimal(price),
                new BigDecimal(fee),
                "USDT",
                T0.plusSeconds(secondsAfterStart));
    }
}
