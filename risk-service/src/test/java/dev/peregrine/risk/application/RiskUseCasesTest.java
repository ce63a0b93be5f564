package dev.peregrine.risk.application;

import static dev.peregrine.risk.fixtures.RiskHarness.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.PositionChanged;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.event.StrategyStateChanged;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.common.event.TradeDenied;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.in.PortfolioView;
import dev.peregrine.risk.application.port.out.LedgerCommit;
import dev.peregrine.risk.domain.Outcome;
import dev.peregrine.risk.domain.RecordedDecision;
import dev.peregrine.risk.fixtures.InMemoryInstrumentBook;
import dev.peregrine.risk.fixtures.RiskHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The use cases together on in-memory ports: signals, fills, candles and operator commands against one book. */
class RiskUseCasesTest {

    private static final Instant T1 = START.plus(Duration.ofMinutes(15));
    private static final Instant T2 = START.plus(Duration.ofMinutes(30));

    private RiskHarness risk;

    @BeforeEach
    void filters() {
        risk = new RiskHarness();
        risk.instruments.save(Symbol.of("BTCUSDT"), InMemoryInstrumentBook.binanceLike("0.00001"));
        risk.instruments.save(Symbol.of("ETHUSDT"), InMemoryInstrumentBook.binanceLike("0.0001"));
    }

    @Test
    void aBuySizedOnEquityAndLimitsThenItsFillThenAnOppositeSignalClosesIt() {
        RecordedDecision entry = decide(risk.signal("momentum", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START));

        // base 10000 x 0.01 / 600 = 0.1667, capped at 5% of 10000 / 30000 = 0.01667, x 0.8 = 0.01333 on 0.00001 steps
        assertThat(entry.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(entry.quantity()).isEqualTo(Quantity.of("0.01333"));
        assertThat(entry.reasons())
                .extracting(Reason::code)
                .containsExactly("RISK_BUDGET", "CAPPED_BY_MAX_POSITION_FRACTION", "QUALITY_SCALING");
        OrderIntentCreated intent = risk.lastIntent();
        assertThat(intent.purpose()).isEqualTo(OrderPurpose.ENTRY);
        assertThat(intent.stopLoss()).isEqualTo(Price.of("29400"));
        assertThat(intent.takeProfit()).isEqualTo(Price.of("31200"));
        assertThat(risk.useCases().viewPortfolio().portfolio().valuation().reserved())
                .isEqualByComparingTo("401.8995");

        risk.fill(intent, "30010", T1);
        PortfolioView afterFill = risk.useCases().viewPortfolio().portfolio();
        assertThat(afterFill.valuation().reserved()).isZero();
        assertThat(afterFill.openPositions()).singleElement().satisfies(open -> {
            assertThat(open.position().quantity()).isEqualByComparingTo("0.01333");
            assertThat(open.position().stopLoss()).isEqualByComparingTo("29400");
        });
        assertThat(risk.events.portfolio)
                .filteredOn(PositionChanged.class::isInstance)
                .hasSize(1);

        RecordedDecision exit = decide(risk.signal("momentum", "BTCUSDT", Side.SELL, "30500", "31000", 0.7, T1));
        assertThat(exit.outcome()).isEqualTo(Outcome.APPROVED);
        OrderIntentCreated sell = risk.lastIntent();
        assertThat(sell.purpose()).isEqualTo(OrderPurpose.EXIT);
        assertThat(sell.quantity()).isEqualTo(Quantity.of("0.01333"));
        assertThat(sell.exitReason().code()).isEqualTo("OPPOSITE_SIGNAL");

        RecordedDecision again = decide(risk.signal("momentum", "BTCUSDT", Side.SELL, "30400", "31000", 0.7, T2));
        assertThat(again.reasons()).extracting(Reason::code).containsExactly("EXIT_ALREADY_PENDING");

        risk.fill(sell, "30500", T2);
        PortfolioView flat = risk.useCases().viewPortfolio().portfolio();
        assertThat(flat.openPositions()).isEmpty();
        // bought 0.01333 x 30010 = 400.0333 + fee 0.4000333, sold for 406.565 - fee 0.406565
        assertThat(flat.valuation().equity()).isEqualByComparingTo("10005.7251017");
        assertThat(risk.ledger.positions(false, null, null, 10))
                .singleElement()
                .satisfies(p -> assertThat(p.realisedPnl()).isEqualByComparingTo("5.7251017"));
        assertThat(decide(risk.signal("momentum", "BTCUSDT", Side.SELL, "30400", "31000", 0.7, T2.plusSeconds(900)))
                        .reasons())
                .extracting(Reason::code)
                .containsExactly("FLAT_NOTHING_TO_SELL");
    }

    @Test
    void theRegimeScalesTheSizeAfterTheCapsSoQualityAndRegimeStillMatterWhenALimitBinds() {
        RiskHarness halved = new RiskHarness(
                new dev.peregrine.risk.domain.sizing.RiskPolicy(
                        new BigDecimal("0.01"),
                        new BigDecimal("0.05"),
                        new BigDecimal("0.10"),
                        new BigDecimal("0.25"),
                        BigDecimal.ONE,
                        10,
                        20,
                        new BigDecimal("0.005"),
                        new BigDecimal("2"),
                        Duration.ofDays(3),
                        false,
                        java.util.Map.of("TRENDING_HIGH", new BigDecimal("0.5"))),
                RiskHarness.CONTROLS);
        halved.instruments.save(Symbol.of("BTCUSDT"), InMemoryInstrumentBook.binanceLike("0.00001"));

        RecordedDecision calm = halved.useCases()
                .decideOnSignal()
                .decide(halved.signal("a", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START, "TRENDING_LOW"));
        RecordedDecision wild = halved.useCases()
                .decideOnSignal()
                .decide(halved.signal("b", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START, "TRENDING_HIGH"));

        // Both capped at 5% of equity (0.01667); x 0.8 = 0.01333, and x 0.5 more in high volatility = 0.00666.
        assertThat(calm.quantity()).isEqualTo(Quantity.of("0.01333"));
        assertThat(wild.quantity()).isEqualTo(Quantity.of("0.00666"));
        assertThat(wild.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("regime TRENDING_HIGH factor 0.5"));
    }

    @Test
    void aLiveBookIsSeededByTheVenuesFirstSnapshotAndLaterDifferencesAreRecordedNotCopied() {
        RiskHarness live = RiskHarness.live();
        assertThat(live.useCases().viewPortfolio().portfolio().valuation().equity())
                .isZero();

        live.useCases().recordMarketFacts().account(snapshot("USDT", "2500", "BNB", "0.4"));
        assertThat(live.useCases().viewPortfolio().portfolio().valuation().cash())
                .isEqualByComparingTo("2500");

        live.useCases().recordMarketFacts().account(snapshot("USDT", "2499.5", "BNB", "0.4"));
        assertThat(live.useCases().viewPortfolio().portfolio().valuation().cash())
                .isEqualByComparingTo("2500");
        assertThat(live.ledger.anomalies).containsExactly("ACCOUNT_DIFFERENCE: USDT book minus binance-spot = 0.5");
    }

    @Test
    void aSnapshotOfTheAssetsThatChangedComparesOnlyThose() {
        RiskHarness live = RiskHarness.live();
        live.useCases().recordMarketFacts().account(snapshot("USDT", "2500", "BNB", "0.4"));

        // Binance's outboundAccountPosition names only the assets that changed: BNB's absence is not a difference.
        live.useCases()
                .recordMarketFacts()
                .account(new dev.peregrine.common.event.AccountSnapshot(
                        Envelope.root(UUID.randomUUID(), START, START),
                        "binance-spot",
                        java.util.List.of(new dev.peregrine.common.event.AccountSnapshot.AssetBalance(
                                "USDT", new java.math.BigDecimal("2500"), java.math.BigDecimal.ZERO))));

        assertThat(live.ledger.anomalies).isEmpty();
    }

    private static dev.peregrine.common.event.AccountSnapshot snapshot(
            String asset, String free, String other, String otherFree) {
        return new dev.peregrine.common.event.AccountSnapshot(
                Envelope.root(UUID.randomUUID(), START, START),
                "binance-spot",
                java.util.List.of(
                        new dev.peregrine.common.event.AccountSnapshot.AssetBalance(
                                asset, new BigDecimal(free), BigDecimal.ZERO),
                        new dev.peregrine.common.event.AccountSnapshot.AssetBalance(
                                other, new BigDecimal(otherFree), BigDecimal.ZERO)));
    }

    @Test
    void aRedeliveredSignalOrFillChangesNothingAndIsAnsweredTheSameWay() {
        SignalValidated buy = risk.signal("momentum", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START);
        RecordedDecision first = decide(buy);
        OrderIntentCreated intent = risk.lastIntent();

        assertThat(decide(buy)).isEqualTo(first);
        assertThat(risk.events.intents).hasSize(1);
        assertThat(risk.events.decisions)
                .hasSize(2)
                .allSatisfy(d -> assertThat(d).isInstanceOf(TradeApproved.class));

        risk.fill(intent, "30000", T1);
        risk.fill(intent, "30000", T1);
        assertThat(risk.useCases().viewPortfolio().portfolio().openPositions())
                .singleElement()
                .satisfies(open -> assertThat(open.position().quantity()).isEqualByComparingTo("0.01333"));
        // The redelivered fill announces the position's state again (its first announcement may have been lost).
        assertThat(risk.events.portfolio)
                .filteredOn(PositionChanged.class::isInstance)
                .hasSize(2)
                .extracting(e -> ((PositionChanged) e).quantity())
                .containsOnly(Quantity.of("0.01333"));
    }

    @Test
    void aRestartedServiceRebuildsTheSameBookFromTheLedgerAndGoesOnIdentically() {
        RiskHarness uninterrupted = new RiskHarness();
        uninterrupted.instruments.save(Symbol.of("BTCUSDT"), InMemoryInstrumentBook.binanceLike("0.00001"));
        uninterrupted.instruments.save(Symbol.of("ETHUSDT"), InMemoryInstrumentBook.binanceLike("0.0001"));

        for (RiskHarness run : new RiskHarness[] {risk, uninterrupted}) {
            run.useCases()
                    .decideOnSignal()
                    .decide(run.signal("momentum", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START));
            run.fill(run.lastIntent(), "30010", T1);
            run.useCases()
                    .decideOnSignal()
                    .decide(run.signal("breakout", "ETHUSDT", Side.BUY, "2000", "1950", 0.6, T1));
            run.candle("BTCUSDT", "30100", T1.plusSeconds(900));
        }
        PortfolioView before = risk.useCases().viewPortfolio().portfolio();
        risk.restart();
        assertThat(risk.useCases().viewPortfolio().portfolio()).isEqualTo(before);

        for (RiskHarness run : new RiskHarness[] {risk, uninterrupted}) {
            run.fill(run.lastIntent(), "2001", T2);
            run.candle("ETHUSDT", "1990", T2.plusSeconds(900));
            run.useCases()
                    .decideOnSignal()
                    .decide(run.signal("momentum", "BTCUSDT", Side.SELL, "30200", "30500", 0.6, T2.plusSeconds(900)));
        }
        assertThat(risk.ledger.load()).isEqualTo(uninterrupted.ledger.load());
        assertThat(risk.useCases().viewPortfolio().portfolio())
                .isEqualTo(uninterrupted.useCases().viewPortfolio().portfolio());
    }

    @Test
    void aCommitsStateIsBuiltOnlyInsideTheCommitNeverLaterFromAMovedBook() {
        risk.useCases()
                .decideOnSignal()
                .decide(risk.signal("momentum", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START));
        risk.fill(risk.lastIntent(), "30010", T1);
        risk.candle("BTCUSDT", "30100", T1.plusSeconds(900));
        LedgerCommit stored = risk.ledger.lastCommit;

        // Built lazily, so a ledger that keeps no state pays nothing; read after the book's lock is released it
        // would be a later book than the change left, and the book refuses.
        assertThatThrownBy(stored::state)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside its lock");
        assertThat(risk.ledger.load().orElseThrow().portfolio().marks()).containsKey(Symbol.of("BTCUSDT"));
    }

    @Test
    void theBreakerHaltsEntriesButNotExitsAndResumesTheNextUtcDayOrOnAnOperatorsReset() {
        decide(risk.signal("momentum", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START));
        risk.fill(risk.lastIntent(), "30000", T1);

        // 0.01333 BTC losing half its value: about 200 USDT, 2% of the day's 10000.
        risk.candle("BTCUSDT", "14900", T1.plusSeconds(900));
        assertThat(risk.useCases().viewPortfolio().portfolio().breaker()).isEqualTo("HALTED");
        assertThat(risk.events.alerts).extracting(AlertRaised::code).contains("DAILY_LOSS_BREAKER_HALTED");

        RecordedDecision blocked =
                decide(risk.signal("breakout", "ETHUSDT", Side.BUY, "2000", "1950", 0.9, T1.plusSeconds(900)));
        assertThat(blocked.reasons()).extracting(Reason::code).contains("DAILY_LOSS_HALTED");
        RecordedDecision exit =
                decide(risk.signal("momentum", "BTCUSDT", Side.SELL, "14900", "15500", 0.9, T1.plusSeconds(900)));
        assertThat(exit.outcome()).isEqualTo(Outcome.APPROVED);

        risk.candle("BTCUSDT", "14900", Instant.parse("2024-03-02T00:14:59.999Z"));
        assertThat(risk.useCases().viewPortfolio().portfolio().breaker()).isEqualTo("ACTIVE");

        // The new day's baseline is 9798.32; the position's last 198.6 USDT are 2.03% of it.
        risk.candle("BTCUSDT", "1", Instant.parse("2024-03-02T00:29:59.999Z"));
        assertThat(risk.useCases().viewPortfolio().portfolio().breaker()).isEqualTo("HALTED");
        assertThat(risk.useCases().operateRiskControls().reset("operator", "reviewed the fills"))
                .extracting(t -> t.to())
                .contains("ACTIVE");
        assertThat(risk.ledger.transitions).extracting(t -> t.actor()).contains("operator");
        assertThatThrownBy(() -> risk.useCases().operateRiskControls().reset("operator", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void theKillSwitchFlattensBlocksEntriesAndClosesAnEntryThatFillsWhileItIsOn() {
        decide(risk.signal("momentum", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START));
        risk.fill(risk.lastIntent(), "30000", T1);
        decide(risk.signal("breakout", "ETHUSDT", Side.BUY, "2000", "1950", 0.8, T1));
        OrderIntentCreated ethEntry = risk.lastIntent();

        risk.useCases().operateRiskControls().engageKillSwitch("operator", "venue incident");
        assertThat(risk.events.cancels).singleElement().satisfies(cancel -> {
            assertThat(cancel.clientOrderId()).isEqualTo(ethEntry.clientOrderId());
            assertThat(cancel.reason().code()).isEqualTo("KILL_SWITCH");
        });
        OrderIntentCreated flatten = risk.lastIntent();
        assertThat(flatten.exitReason().code()).isEqualTo("KILL_SWITCH_FLATTEN");
        assertThat(flatten.symbol()).isEqualTo(Symbol.of("BTCUSDT"));
        assertThat(decide(risk.signal("mean-reversion", "ETHUSDT", Side.BUY, "2000", "1950", 0.8, T2))
                        .reasons())
                .extracting(Reason::code)
                .contains("KILL_SWITCH");

        risk.fill(ethEntry, "2000", T2);
        assertThat(risk.lastIntent().exitReason().code()).isEqualTo("KILL_SWITCH_FLATTEN");
        assertThat(risk.lastIntent().symbol()).isEqualTo(Symbol.of("ETHUSDT"));
        assertThat(risk.useCases().operateRiskControls().engageKillSwitch("operator", "again"))
                .isEmpty();
        assertThat(risk.useCases().operateRiskControls().releaseKillSwitch("operator", "resolved"))
                .hasSize(1);
    }

    @Test
    void aStopThatFilledLeavesNothingForALaterExitAndARejectedExitReleasesItsUnits() {
        decide(risk.signal("momentum", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START));
        OrderIntentCreated entry = risk.lastIntent();
        risk.fill(entry, "30000", T1);
        decide(risk.signal("momentum", "BTCUSDT", Side.SELL, "29500", "30000", 0.8, T1));
        OrderIntentCreated exit = risk.lastIntent();

        risk.protectiveFill(entry, OrderPurpose.STOP_LOSS, entry.quantity(), "29400", T1.plusSeconds(60));
        risk.reject(exit, "NOTHING_HELD");

        PortfolioView view = risk.useCases().viewPortfolio().portfolio();
        assertThat(view.openPositions()).isEmpty();
        assertThat(view.valuation().reserved()).isZero();
        assertThat(risk.ledger.positions(false, "momentum", "BTCUSDT", 10))
                .singleElement()
                .satisfies(p -> assertThat(p.closeReason()).isEqualTo("STOP_LOSS"));
        assertThat(risk.ledger.anomalies).isEmpty();
    }

    @Test
    void positionsHeldTooLongOrOfAPausedStrategyAreClosed() {
        decide(risk.signal("momentum", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START));
        risk.fill(risk.lastIntent(), "30000", T1);
        decide(risk.signal("breakout", "ETHUSDT", Side.BUY, "2000", "1950", 0.8, T1));
        risk.fill(risk.lastIntent(), "2000", T2);

        risk.useCases()
                .recordMarketFacts()
                .strategyState(new StrategyStateChanged(
                        Envelope.root(UUID.randomUUID(), T2, T2),
                        "breakout",
                        StrategyState.PAUSED,
                        1.0,
                        "degraded",
                        "monitor"));
        assertThat(risk.lastIntent().exitReason().code()).isEqualTo("STRATEGY_PAUSED");
        assertThat(risk.lastIntent().symbol()).isEqualTo(Symbol.of("ETHUSDT"));

        risk.candle("BTCUSDT", "30000", T1.plus(Duration.ofDays(3)));
        assertThat(risk.lastIntent().exitReason().code()).isEqualTo("MAX_HOLDING_TIME");
        assertThat(risk.lastIntent().symbol()).isEqualTo(Symbol.of("BTCUSDT"));
    }

    @Test
    void aHoldingTimeExitTheVenueRefusedIsTriedAgainOnTheNextCandleNotBlockedByItsOldReservation() {
        decide(risk.signal("momentum", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START));
        risk.fill(risk.lastIntent(), "30000", T1);
        risk.candle("BTCUSDT", "30000", T1.plus(Duration.ofDays(3)));
        OrderIntentCreated first = risk.lastIntent();
        assertThat(first.exitReason().code()).isEqualTo("MAX_HOLDING_TIME");

        risk.reject(first, "NOTHING_HELD");
        risk.candle("BTCUSDT", "30000", T1.plus(Duration.ofDays(3)).plusSeconds(900));

        OrderIntentCreated second = risk.lastIntent();
        assertThat(second.exitReason().code()).isEqualTo("MAX_HOLDING_TIME");
        assertThat(second.clientOrderId()).isNotEqualTo(first.clientOrderId());
        assertThat(risk.ledger.load().orElseThrow().portfolio().reservations())
                .extracting(r -> r.clientOrderId())
                .containsExactly(second.clientOrderId());
    }

    @Test
    void aSymbolWithoutFiltersOrALimitWithNoRoomIsDeniedNamingEveryLimitHit() {
        assertThat(decide(risk.signal("momentum", "XRPUSDT", Side.BUY, "0.5", "0.45", 0.8, START))
                        .reasons())
                .extracting(Reason::code)
                .containsExactly("NO_INSTRUMENT_FILTERS");

        // Two strategies fill BTCUSDT's 10% with 5% each; a third finds no room in the symbol.
        assertThat(decide(risk.signal("a", "BTCUSDT", Side.BUY, "30000", "29400", 1.0, START))
                        .outcome())
                .isEqualTo(Outcome.APPROVED);
        assertThat(decide(risk.signal("b", "BTCUSDT", Side.BUY, "30000", "29400", 1.0, START))
                        .outcome())
                .isEqualTo(Outcome.APPROVED);
        assertThat(decide(risk.signal("c", "BTCUSDT", Side.BUY, "30000", "29400", 1.0, START))
                        .reasons())
                .extracting(Reason::code)
                .containsExactly("MAX_SYMBOL_FRACTION");

        // Eight more symbols make ten entries in flight; the eleventh names both limits it hit.
        for (int i = 0; i < 8; i++) {
            String symbol = "S" + (char) ('A' + i) + "USDT";
            risk.instruments.save(Symbol.of(symbol), InMemoryInstrumentBook.binanceLike("0.001"));
            decide(risk.signal("a", symbol, Side.BUY, "100", "98", 1.0, START.plusSeconds(900L * (i + 1))));
        }
        risk.instruments.save(
                Symbol.of("SZUSDT"),
                new dev.peregrine.risk.domain.InstrumentFilters(
                        "BREAK",
                        new BigDecimal("0.01"),
                        new BigDecimal("0.001"),
                        new BigDecimal("0.001"),
                        new BigDecimal("5"),
                        null,
                        null,
                        null));
        RecordedDecision denied =
                decide(risk.signal("a", "SZUSDT", Side.BUY, "100", "98", 1.0, START.plusSeconds(9000)));
        assertThat(denied.reasons())
                .extracting(Reason::code)
                .containsExactly("SYMBOL_NOT_TRADING", "MAX_OPEN_POSITIONS");
        assertThat(risk.events.decisions.getLast()).isInstanceOf(TradeDenied.class);
    }

    @Test
    void aFailedCommitLeavesTheBookAsStoredAndTheRedeliveryDecidesIt() {
        SignalValidated buy = risk.signal("momentum", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START);
        risk.ledger.failNextCommit = true;

        assertThatThrownBy(() -> decide(buy)).hasMessageContaining("database unavailable");
        assertThat(risk.useCases().viewPortfolio().portfolio().valuation().reserved())
                .isZero();

        assertThat(decide(buy).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(risk.useCases().viewPortfolio().portfolio().valuation().reserved())
                .isEqualByComparingTo("401.8995");
    }

    @Test
    void anIntentTheBrokerDidNotTakeIsSentBeforeTheNextChange() {
        risk.events.brokerDown = true;
        assertThatThrownBy(() -> decide(risk.signal("momentum", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START)))
                .hasMessageContaining("broker unavailable");
        risk.events.brokerDown = false;

        risk.candle("ETHUSDT", "2000", T1);

        assertThat(risk.events.intents)
                .singleElement()
                .satisfies(i -> assertThat(i.purpose()).isEqualTo(OrderPurpose.ENTRY));
        assertThat(risk.ledger.unpublishedIntents()).isEmpty();
    }

    @Test
    void theWhatIfGivesEveryCheckAndChangesNothing() {
        var sized = risk.useCases()
                .viewPortfolio()
                .evaluate(risk.signal("what-if", "BTCUSDT", Side.BUY, "30000", "29400", 1.0, START));

        assertThat(sized.checks())
                .extracting(c -> c.name())
                .contains(
                        "MAX_POSITION_FRACTION",
                        "MAX_SYMBOL_FRACTION",
                        "MAX_GROUP_FRACTION",
                        "MAX_GROSS_EXPOSURE",
                        "AVAILABLE_CASH",
                        "MAX_OPEN_POSITIONS",
                        "MAX_ORDERS_PER_MINUTE");
        assertThat(risk.ledger.load()).isEmpty();
        assertThat(risk.events.intents).isEmpty();
    }

    private RecordedDecision decide(SignalValidated signal) {
        return risk.useCases().decideOnSignal().decide(signal);
    }
}
