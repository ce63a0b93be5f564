package dev.peregrine.risk.domain;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PositionSizerTest {

    private static final Money EQUITY = Money.of("10000", "USDT");
    private static final PositionSizer SIZER = new PositionSizer(new RiskLimits(new BigDecimal("0.01"), new BigDecimal("0.25")));

    @Test
    void sizesOnTheRiskBudgetOverTheStopDistanceRoundedDownToTheStep() {
        // budget = 10000 x 0.01 x 0.6 x 0.5 = 30; 30 / (3000 - 2911) = 0.337078... -> 0.337 at step 0.001
        RiskDecision decision = SIZER.size(request(Side.BUY, "3000", "2911", "0.6", "0.5"), EQUITY, filters("0.001"));

        RiskDecision.Approved approved = approved(decision);
        assertThat(approved.quantity().value()).isEqualTo(new BigDecimal("0.337"));
        // 0.337 x 89 = 29.993: rounding down left risk just under the budget of 30
        assertThat(approved.riskAmount().amount()).isEqualByComparingTo("29.993");
        assertThat(approved.riskAmount().currency()).isEqualTo("USDT");
        assertThat(approved.reasons()).extracting(Reason::code).containsExactly(ReasonCodes.RISK_BUDGET);
        assertThat(approved.reasons().getFirst().detail())
                .contains("risk budget 30 USDT", "equity 10000", "confidence 0.6", "size multiplier 0.5", "stop distance 89");
    }

    @Test
    void capsTheNotionalAtTheMaxPositionFractionOfEquity() {
        // budget = 10000 x 0.01 x 0.72 x 0.8 = 57.6; 57.6 / 273.45 = 0.21064 -> notional 5713 > cap 2500
        // capped: 2500 / 27123.45 = 0.0921712... -> 0.09217 at step 0.00001
        RiskDecision decision = SIZER.size(request(Side.BUY, "27123.45", "26850.00", "0.72", "0.8"), EQUITY,
                filters("0.00001"));

        RiskDecision.Approved approved = approved(decision);
        assertThat(approved.quantity().value()).isEqualTo(new BigDecimal("0.09217"));
        // 0.09217 x 273.45 = 25.2038865
        assertThat(approved.riskAmount().amount()).isEqualByComparingTo("25.2038865");
        assertThat(approved.quantity().value().multiply(new BigDecimal("27123.45"))).isLessThanOrEqualTo(new BigDecimal("2500"));
        assertThat(approved.reasons()).extracting(Reason::code)
                .containsExactly(ReasonCodes.RISK_BUDGET, ReasonCodes.CAPPED_BY_MAX_POSITION);
    }

    @Test
    void sizesASellWhoseNotionalIsExactlyAtTheCapWithoutCapping() {
        // budget = 10000 x 0.01 x 1 x 1 = 100; 100 / (52 - 50) = 50 -> notional 2500 = cap, allowed
        RiskDecision decision = SIZER.size(request(Side.SELL, "50", "52", "1", "1"), EQUITY, filters("0.1"));

        RiskDecision.Approved approved = approved(decision);
        assertThat(approved.quantity().value()).isEqualTo(new BigDecimal("50.0"));
        assertThat(approved.riskAmount().amount()).isEqualByComparingTo("100");
        assertThat(approved.reasons()).extracting(Reason::code).containsExactly(ReasonCodes.RISK_BUDGET);
    }

    @Test
    void reduceTradesAtTheMultiplierTheSignalSuggests() {
        // budget = 10000 x 0.01 x 0.8 x 0.5 = 40; 40 / 89 = 0.44943... -> 0.449
        SizingRequest reduce = new SizingRequest(Side.BUY, RecommendedAction.REDUCE, true, Price.of("3000"),
                Price.of("2911"), new BigDecimal("0.8"), new BigDecimal("0.5"));

        RiskDecision.Approved approved = approved(SIZER.size(reduce, EQUITY, filters("0.001")));

        assertThat(approved.quantity().value()).isEqualTo(new BigDecimal("0.449"));
        assertThat(approved.riskAmount().amount()).isEqualByComparingTo("39.961");
        assertThat(approved.reasons()).extracting(Reason::code)
                .containsExactly(ReasonCodes.RISK_BUDGET, ReasonCodes.REDUCED_BY_SIGNAL);
    }

    @Test
    void deniesASkipSignal() {
        SizingRequest skip = new SizingRequest(Side.BUY, RecommendedAction.SKIP, false, Price.of("100"), Price.of("95"),
                BigDecimal.ONE, BigDecimal.ONE);

        assertThat(deniedCodes(SIZER.size(skip, EQUITY, filters("0.001"))))
                .containsExactly(ReasonCodes.ACTION_SKIP, ReasonCodes.SIGNAL_NOT_TRADEABLE);
    }

    @Test
    void deniesASignalFlaggedNotTradeable() {
        SizingRequest paused = new SizingRequest(Side.BUY, RecommendedAction.TRADE, false, Price.of("100"),
                Price.of("95"), BigDecimal.ONE, BigDecimal.ONE);

        assertThat(deniedCodes(SIZER.size(paused, EQUITY, filters("0.001"))))
                .containsExactly(ReasonCodes.SIGNAL_NOT_TRADEABLE);
    }

    @Test
    void deniesAStopEqualToTheEntry() {
        assertThat(deniedCodes(SIZER.size(request(Side.BUY, "100", "100.00", "1", "1"), EQUITY, filters("0.001"))))
                .containsExactly(ReasonCodes.ZERO_STOP_DISTANCE);
    }

    @Test
    void deniesAStopOnTheWrongSideOfTheEntry() {
        assertThat(deniedCodes(SIZER.size(request(Side.BUY, "100", "101", "1", "1"), EQUITY, filters("0.001"))))
                .containsExactly(ReasonCodes.ZERO_STOP_DISTANCE);
        assertThat(deniedCodes(SIZER.size(request(Side.SELL, "100", "99", "1", "1"), EQUITY, filters("0.001"))))
                .containsExactly(ReasonCodes.ZERO_STOP_DISTANCE);
    }

    @Test
    void deniesAQuantityThatRoundsDownToZero() {
        // budget = 10000 x 0.01 x 0.5 x 1 = 50; 50 / (200 - 100) = 0.5 -> 0 at step 1
        RiskDecision decision = SIZER.size(request(Side.BUY, "200", "100", "0.5", "1"), EQUITY, filters("1"));

        assertThat(deniedCodes(decision)).containsExactly(ReasonCodes.BELOW_MIN_NOTIONAL);
        assertThat(decision.reasons().getFirst().detail()).contains("rounds down to zero");
    }

    @Test
    void deniesZeroConfidenceAsNothingToTrade() {
        assertThat(deniedCodes(SIZER.size(request(Side.BUY, "200", "100", "0", "1"), EQUITY, filters("0.001"))))
                .containsExactly(ReasonCodes.BELOW_MIN_NOTIONAL);
    }

    @Test
    void deniesANotionalBelowTheMinimum() {
        // budget = 100 x 0.01 x 0.5 x 1 = 0.5; 0.5 / (100 - 90) = 0.05 -> notional 5 < 10
        RiskDecision decision = SIZER.size(request(Side.BUY, "100", "90", "0.5", "1"), Money.of("100", "USDT"),
                new InstrumentFilters(new BigDecimal("0.00001"), new BigDecimal("10"), new BigDecimal("0.00001")));

        assertThat(deniedCodes(decision)).containsExactly(ReasonCodes.BELOW_MIN_NOTIONAL);
        assertThat(decision.reasons().getFirst().detail()).contains("notional 5 USDT");
    }

    @Test
    void deniesAQuantityBelowTheMinimum() {
        // budget 50; 50 / (200 - 100) = 0.5 at step 0.01; notional 100 >= 10 but 0.5 < min quantity 1
        RiskDecision decision = SIZER.size(request(Side.BUY, "200", "100", "0.5", "1"), EQUITY,
                new InstrumentFilters(new BigDecimal("0.01"), new BigDecimal("10"), BigDecimal.ONE));

        assertThat(deniedCodes(decision)).containsExactly(ReasonCodes.BELOW_MIN_QUANTITY);
    }

    @Test
    void deniesWhenThereIsNoEquity() {
        assertThat(deniedCodes(SIZER.size(request(Side.BUY, "100", "95", "1", "1"), Money.of("0", "USDT"),
                filters("0.001")))).containsExactly(ReasonCodes.NO_EQUITY);
    }

    private static SizingRequest request(Side side, String entry, String stop, String confidence, String multiplier) {
        return new SizingRequest(side, RecommendedAction.TRADE, true, Price.of(entry), Price.of(stop),
                new BigDecimal(confidence), new BigDecimal(multiplier));
    }

    private static InstrumentFilters filters(String stepSize) {
        return new InstrumentFilters(new BigDecimal(stepSize), new BigDecimal("10"), new BigDecimal(stepSize));
    }

    private static RiskDecision.Approved approved(RiskDecision decision) {
        assertThat(decision).isInstanceOf(RiskDecision.Approved.class);
        return (RiskDecision.Approved) decision;
    }

    private static List<String> deniedCodes(RiskDecision decision) {
        assertThat(decision).isInstanceOf(RiskDecision.Denied.class);
        return decision.reasons().stream().map(Reason::code).toList();
    }
}
