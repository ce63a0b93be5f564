package dev.peregrine.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Candle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Risk's and execution's part of the engine against figures worked out by hand, with the services' default
 * configuration (10,000 USDT, 1 % risk per trade, 5 % per position, fee 0.1 %, slippage 2 bps, reward-to-risk 2) and
 * BTCUSDT's real filters from the shipped exchangeInfo snapshot (step 0.00001, tick 0.01). The signals are scripted: one
 * BUY on the second candle at 100 with its stop at 98, confidence 0.8, in a regime without a size factor.
 *
 * <p>Sizing by hand: base = 10,000 x 0.01 / (100 - 98) = 50; capped by the position limit at 10,000 x 0.05 / 100 = 5;
 * x confidence 0.8 = 4. Stop 98, take-profit 100 + 2 x 2 = 104. The entry fills at the next candle's open 100.50 plus
 * 2 bps: 100.5201, fee 4 x 100.5201 x 0.001 = 0.40208040.
 */
class BacktestEngineTest {

    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final BigDecimal ENTRY_FILL = new BigDecimal("100.5201");
    private static final BigDecimal ENTRY_FEE = new BigDecimal("0.40208040");

    @Test
    void aTakeProfitReachedOnTheCandleAfterTheEntryClosesTheTradeAtTheTarget() {
        BacktestResult result = run(
                List.of(
                        candle(0, "100", "100.5", "99.5", "100"),
                        candle(1, "100", "100.6", "99.6", "100"),
                        candle(2, "100.5", "101", "100", "100.8"),
                        candle(3, "101", "104.5", "100.8", "104.2"),
                        candle(4, "104.2", "104.4", "104", "104.3")),
                Map.of(1, buy()));

        assertThat(result.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.approved()).isTrue();
            assertThat(decision.quantity()).isEqualByComparingTo("4");
            assertThat(decision.decidedAt()).isEqualTo(closeOf(1));
        });
        assertThat(result.fills()).extracting(FillRecord::role).containsExactly(OrderRole.ENTRY, OrderRole.TAKE_PROFIT);
        FillRecord entry = result.fills().getFirst();
        assertThat(entry.price()).isEqualByComparingTo(ENTRY_FILL);
        assertThat(entry.quantity()).isEqualByComparingTo("4");
        assertThat(entry.fee()).isEqualByComparingTo(ENTRY_FEE);
        assertThat(entry.time()).isEqualTo(openOf(2));
        FillRecord target = result.fills().get(1);
        assertThat(target.price()).isEqualByComparingTo("104");
        assertThat(target.fee()).isEqualByComparingTo("0.416");
        assertThat(target.time()).isEqualTo(openOf(3));
        assertThat(result.orders())
                .extracting(OrderRecord::role, OrderRecord::state, OrderRecord::reasonCode)
                .containsExactlyInAnyOrder(
                        tuple(OrderRole.ENTRY, "FILLED", null),
                        tuple(OrderRole.STOP, "CANCELED", "OCO_OTHER_LEG_FILLED"),
                        tuple(OrderRole.TAKE_PROFIT, "FILLED", null));
        assertThat(result.orders())
                .filteredOn(o -> o.role() == OrderRole.STOP)
                .singleElement()
                .satisfies(stop -> assertThat(stop.limitLevel()).isEqualByComparingTo("98"));
        // 4 x (104 - 100.5201) - 0.40208040 - 0.416
        assertThat(result.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.pnl()).isEqualByComparingTo("13.1015196");
            assertThat(trade.exitRole()).isEqualTo(OrderRole.TAKE_PROFIT);
            assertThat(trade.entryPrice()).isEqualByComparingTo(ENTRY_FILL);
            assertThat(trade.exitPrice()).isEqualByComparingTo("104");
            assertThat(trade.entrySignalId())
                    .isEqualTo(result.decisions().getFirst().signalId());
        });
        assertThat(result.equity()).hasSize(5);
        // after the entry's candle: cash 10,000 - 402.0804 - 0.40208040, plus 4 x the close 100.8
        EquityPoint afterEntry = result.equity().get(2);
        assertThat(afterEntry.cash()).isEqualByComparingTo("9597.5175196");
        assertThat(afterEntry.positionValue()).isEqualByComparingTo("403.2");
        assertThat(afterEntry.equity()).isEqualByComparingTo("10000.7175196");
        assertThat(result.finalEquity()).isEqualByComparingTo("10013.1015196");
        assertThat(result.prices(BTC)).hasSize(5);
    }

    @Test
    void aCandleOpeningBelowTheStopSellsAtItsOpenLessTheSlippage() {
        BacktestResult result = run(
                List.of(
                        candle(0, "100", "100.5", "99.5", "100"),
                        candle(1, "100", "100.6", "99.6", "100"),
                        candle(2, "100.5", "101", "100", "100.8"),
                        candle(3, "97", "97.5", "96.5", "97.2")),
                Map.of(1, buy()));

        // the gap: the stop-market sell triggers at the open 97, less 2 bps = 96.9806
        assertThat(result.fills()).extracting(FillRecord::role).containsExactly(OrderRole.ENTRY, OrderRole.STOP);
        assertThat(result.fills().get(1).price()).isEqualByComparingTo("96.9806");
        assertThat(result.fills().get(1).fee()).isEqualByComparingTo("0.38792240");
        // 4 x (96.9806 - 100.5201) - 0.40208040 - 0.38792240
        assertThat(result.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.pnl()).isEqualByComparingTo("-14.9480028");
            assertThat(trade.exitRole()).isEqualTo(OrderRole.STOP);
        });
        assertThat(result.finalEquity()).isEqualByComparingTo("9985.0519972");
    }

    @Test
    void anOppositeSignalCancelsTheProtectionAndSellsAtTheNextOpen() {
        BacktestResult result = run(
                List.of(
                        candle(0, "100", "100.5", "99.5", "100"),
                        candle(1, "100", "100.6", "99.6", "100"),
                        candle(2, "100.5", "101", "100", "100.8"),
                        candle(3, "100.8", "101.2", "100.6", "101"),
                        candle(4, "101", "101.3", "100.7", "101.1")),
                Map.of(1, buy(), 3, sell()));

        assertThat(result.decisions())
                .extracting(DecisionRecord::side, DecisionRecord::approved)
                .containsExactly(tuple(Side.BUY, true), tuple(Side.SELL, true));
        // 101 less 2 bps = 100.9798; fee 4 x 100.9798 x 0.001
        assertThat(result.fills()).extracting(FillRecord::role).containsExactly(OrderRole.ENTRY, OrderRole.EXIT);
        assertThat(result.fills().get(1).price()).isEqualByComparingTo("100.9798");
        assertThat(result.fills().get(1).fee()).isEqualByComparingTo("0.40391920");
        assertThat(result.orders())
                .filteredOn(o -> o.role() == OrderRole.STOP || o.role() == OrderRole.TAKE_PROFIT)
                .extracting(OrderRecord::reasonCode)
                .containsOnly("CANCELED_FOR_EXIT");
        // 4 x (100.9798 - 100.5201) - 0.40208040 - 0.40391920
        assertThat(result.trades())
                .singleElement()
                .satisfies(trade -> assertThat(trade.pnl()).isEqualByComparingTo("1.0328004"));
    }

    @Test
    void theSameInputGivesTheSameResult() {
        List<Candle> candles = List.of(
                candle(0, "100", "100.5", "99.5", "100"),
                candle(1, "100", "100.6", "99.6", "100"),
                candle(2, "100.5", "101", "100", "100.8"),
                candle(3, "101", "104.5", "100.8", "104.2"));

        assertThat(run(candles, Map.of(1, buy()))).isEqualTo(run(candles, Map.of(1, buy())));
    }

    private static BacktestResult run(List<Candle> candles, Map<Integer, Scripted> script) {
        SignalSource scripted = (candle, ids, clock) -> {
            int index = (int) Duration.between(START, candle.openTime()).dividedBy(Duration.ofMinutes(15));
            Scripted signal = script.get(index);
            return signal == null ? List.of() : List.of(signal.at(candle, ids.next()));
        };
        BacktestEngine engine = new BacktestEngine(BacktestConfig.serviceDefaults(), () -> scripted);
        return engine.run(List.of(new KlineSeries(BTC, Interval.fromCode("15m"), candles)));
    }

    /** A signal of the momentum analyst at the close of the candle it is scripted on. */
    private record Scripted(Side side, RecommendedAction action, String price, String stop) {

        SignalValidated at(CandleClosed candle, java.util.UUID eventId) {
            Envelope envelope = Envelope.causedBy(candle.envelope(), eventId, candle.closeTime(), candle.closeTime());
            return new SignalValidated(
                    envelope,
                    DerivedIds.from("signal", "momentum", BTC, candle.openTime()),
                    "momentum",
                    BTC,
                    candle.interval(),
                    candle.closeTime(),
                    side,
                    72,
                    Grade.B,
                    0.8,
                    1.0,
                    action,
                    true,
                    Price.of(new BigDecimal(price)),
                    Price.of(new BigDecimal(stop)),
                    List.of(),
                    "TRENDING_LOW");
        }
    }

    private static Scripted buy() {
        return new Scripted(Side.BUY, RecommendedAction.TRADE, "100", "98");
    }

    private static Scripted sell() {
        return new Scripted(Side.SELL, RecommendedAction.TRADE, "101", "103");
    }

    private static Candle candle(int index, String open, String high, String low, String close) {
        BigDecimal volume = new BigDecimal("10");
        BigDecimal price = new BigDecimal(close);
        return new Candle(
                BTC,
                Interval.fromCode("15m"),
                openOf(index),
                closeOf(index),
                new BigDecimal(open),
                new BigDecimal(high),
                new BigDecimal(low),
                price,
                volume,
                volume.multiply(price),
                100,
                new BigDecimal("5"),
                new BigDecimal("5").multiply(price));
    }

    private static Instant openOf(int index) {
        return START.plus(Duration.ofMinutes(15L * index));
    }

    private static Instant closeOf(int index) {
        return openOf(index + 1).minusMillis(1);
    }
}
