package dev.peregrine.risk.domain.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.domain.InstrumentFilters;
import dev.peregrine.risk.domain.RiskDecision;
import dev.peregrine.risk.domain.control.CapitalRamp;
import dev.peregrine.risk.domain.portfolio.PositionKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each limit on its own, with numbers worked by hand. Defaults: equity 10,000, risk 1%, entry 100, stop 95 (base
 * 10000 x 0.01 / 5 = 20 units = 2,000 notional), position 5% (500), symbol 10% (1,000), group 25% (2,500),
 * gross 100%, step 0.001.
 */
class EntrySizerTest {

    private static final RiskPolicy POLICY = new RiskPolicy(
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
            Map.of("RANGING_HIGH", new BigDecimal("0.5")));
    private static final InstrumentFilters FILTERS = new InstrumentFilters(
            "TRADING",
            new BigDecimal("0.01"),
            new BigDecimal("0.001"),
            new BigDecimal("0.001"),
            new BigDecimal("5"),
            new BigDecimal("9000"),
            null,
            null);
    private static final PositionKey KEY = new PositionKey("momentum", Symbol.of("ABCUSDT"));

    private final EntrySizer sizer = new EntrySizer(POLICY);

    @Test
    void theTightestRoomWinsAndOnlyItIsNamedAsTheCap() {
        SizedEntry sized = sizer.size(request("1", "1", null), account().build());

        assertThat(quantity(sized)).isEqualByComparingTo("5");
        assertThat(codes(sized)).containsExactly("RISK_BUDGET", "CAPPED_BY_MAX_POSITION_FRACTION", "QUALITY_SCALING");
        assertThat(sized.stopLoss()).isEqualByComparingTo("95");
        assertThat(sized.takeProfit()).isEqualByComparingTo("110");
        assertThat(sized.checks())
                .extracting(LimitCheck::name)
                .containsExactly(
                        "MAX_OPEN_POSITIONS",
                        "MAX_ORDERS_PER_MINUTE",
                        "MAX_POSITION_FRACTION",
                        "MAX_SYMBOL_FRACTION",
                        "MAX_GROUP_FRACTION",
                        "MAX_GROSS_EXPOSURE",
                        "AVAILABLE_CASH",
                        "EXCHANGE_MAX_QUANTITY");
    }

    @Test
    void confidenceSizeMultiplierRegimeAndBreakerScaleTheCappedSize() {
        // 5 x 0.8 x 0.5 x 0.5 (RANGING_HIGH) x 0.5 (REDUCING) = 0.5
        SizedEntry sized = sizer.size(
                request("0.8", "0.5", "RANGING_HIGH"),
                account().sizeFactor("0.5").build());

        assertThat(quantity(sized)).isEqualByComparingTo("0.5");
    }

    @Test
    void theSymbolLimitCountsOtherStrategiesAndEntriesInFlight() {
        // 1,000 - 800 held = 200 of room: 2 units
        assertThat(quantity(sizer.size(
                        request("1", "1", null), account().symbolValue("800").build())))
                .isEqualByComparingTo("2");
        assertThat(codes(sizer.size(
                        request("1", "1", null), account().symbolValue("1000").build())))
                .containsExactly("MAX_SYMBOL_FRACTION");
    }

    @Test
    void theGroupLimitCountsEverySymbolOfTheGroup() {
        assertThat(quantity(sizer.size(
                        request("1", "1", null), account().groupValue("2200").build())))
                .isEqualByComparingTo("3");
        assertThat(codes(sizer.size(
                        request("1", "1", null), account().groupValue("2600").build())))
                .containsExactly("MAX_GROUP_FRACTION");
    }

    @Test
    void theCapitalRampCapsEachOrderAndTheTotalAndIsNamedWhenItBinds() {
        // 5 units would be allowed by the position limit; the ramp allows 300 per order: 3 units at 100.
        SizedEntry perOrder = sizer.size(
                request("1", "1", null),
                account()
                        .capitalRamp(new CapitalRamp(new BigDecimal("300"), null))
                        .build());
        assertThat(quantity(perOrder)).isEqualByComparingTo("3");
        assertThat(codes(perOrder)).contains("CAPPED_BY_CAPITAL_RAMP_ORDER");

        // 1,000 in total with 800 already held or in flight: room for 2 units.
        SizedEntry total = sizer.size(
                request("1", "1", null),
                account()
                        .grossValue("800")
                        .capitalRamp(new CapitalRamp(null, new BigDecimal("1000")))
                        .build());
        assertThat(quantity(total)).isEqualByComparingTo("2");
        assertThat(codes(total)).contains("CAPPED_BY_CAPITAL_RAMP_TOTAL");

        assertThat(codes(sizer.size(
                        request("1", "1", null),
                        account()
                                .grossValue("1000")
                                .capitalRamp(new CapitalRamp(null, new BigDecimal("1000")))
                                .build())))
                .containsExactly("CAPITAL_RAMP_TOTAL");
        assertThat(quantity(sizer.size(request("1", "1", null), account().build())))
                .as("off by default")
                .isEqualByComparingTo("5");
    }

    @Test
    void grossExposureAndAvailableCashBound() {
        assertThat(quantity(sizer.size(
                        request("1", "1", null), account().grossValue("9900").build())))
                .isEqualByComparingTo("1");
        // 201 free / (100 x 1.005) = 2 units
        assertThat(quantity(sizer.size(
                        request("1", "1", null), account().cash("201").build())))
                .isEqualByComparingTo("2");
        assertThat(codes(sizer.size(request("1", "1", null), account().cash("0").build())))
                .containsExactly("AVAILABLE_CASH");
    }

    @Test
    void countsBlockAndADenialNamesEveryLimitItHit() {
        SizedEntry denied = sizer.size(
                request("1", "1", null),
                account()
                        .openPositions(10)
                        .ordersLastMinute(20)
                        .symbolValue("1000")
                        .build());

        assertThat(codes(denied)).containsExactly("MAX_OPEN_POSITIONS", "MAX_ORDERS_PER_MINUTE", "MAX_SYMBOL_FRACTION");
    }

    @Test
    void theExchangesMaximaAndMinimaApply() {
        InstrumentFilters tight = new InstrumentFilters(
                "TRADING",
                new BigDecimal("0.01"),
                new BigDecimal("0.001"),
                new BigDecimal("0.001"),
                new BigDecimal("5"),
                new BigDecimal("3"),
                new BigDecimal("2.5"),
                new BigDecimal("150"));
        // MARKET_LOT_SIZE 2.5 < LOT_SIZE 3, and maxNotional 150 / 100 = 1.5 is tighter still
        SizedEntry sized =
                sizer.size(request("1", "1", null), account().filters(tight).build());
        assertThat(quantity(sized)).isEqualByComparingTo("1.5");
        assertThat(codes(sized)).contains("CAPPED_BY_EXCHANGE_MAX_NOTIONAL");

        // 5 units x 0.001 = 0.005 units = 0.5 notional, below the 5 minimum
        assertThat(codes(sizer.size(request("0.001", "1", null), account().build())))
                .containsExactly("BELOW_MIN_NOTIONAL");
    }

    @Test
    void noFiltersAStopAboveTheEntryOrAnOpenPositionAreRefusedWithTheirReasons() {
        assertThat(codes(sizer.size(
                        request("1", "1", null), account().filters(null).build())))
                .containsExactly("NO_INSTRUMENT_FILTERS");
        assertThat(codes(sizer.size(
                        new EntryRequest(
                                KEY,
                                new BigDecimal("100"),
                                new BigDecimal("101"),
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                null,
                                Instant.EPOCH),
                        account().build())))
                .containsExactly("ZERO_STOP_DISTANCE");
        assertThat(codes(sizer.size(
                        request("1", "1", null), account().positionOpen().build())))
                .containsExactly("POSITION_OPEN");
        assertThat(codes(sizer.size(
                        request("1", "1", null),
                        account()
                                .blocks(List.of(Reason.of("KILL_SWITCH", "on")))
                                .build())))
                .containsExactly("KILL_SWITCH");
    }

    private static EntryRequest request(String confidence, String multiplier, String regime) {
        return new EntryRequest(
                KEY,
                new BigDecimal("100"),
                new BigDecimal("95"),
                new BigDecimal(confidence),
                new BigDecimal(multiplier),
                regime,
                Instant.EPOCH);
    }

    private static BigDecimal quantity(SizedEntry sized) {
        assertThat(sized.decision()).isInstanceOf(RiskDecision.Approved.class);
        return ((RiskDecision.Approved) sized.decision()).quantity().value();
    }

    private static List<String> codes(SizedEntry sized) {
        return sized.decision().reasons().stream().map(Reason::code).toList();
    }

    private static AccountBuilder account() {
        return new AccountBuilder();
    }

    /** An account of 10,000 with nothing held; each setter changes one thing. */
    private static final class AccountBuilder {
        private CapitalRamp capitalRamp = CapitalRamp.OFF;
        private BigDecimal cash = new BigDecimal("10000");
        private BigDecimal symbolValue = BigDecimal.ZERO;
        private BigDecimal groupValue = BigDecimal.ZERO;
        private BigDecimal grossValue = BigDecimal.ZERO;
        private int openPositions;
        private int ordersLastMinute;
        private boolean positionOpen;
        private List<Reason> blocks = List.of();
        private BigDecimal sizeFactor = BigDecimal.ONE;
        private InstrumentFilters filters = FILTERS;

        AccountBuilder cash(String value) {
            cash = new BigDecimal(value);
            return this;
        }

        AccountBuilder symbolValue(String value) {
            symbolValue = new BigDecimal(value);
            return this;
        }

        AccountBuilder groupValue(String value) {
            groupValue = new BigDecimal(value);
            return this;
        }

        AccountBuilder grossValue(String value) {
            grossValue = new BigDecimal(value);
            return this;
        }

        AccountBuilder openPositions(int value) {
            openPositions = value;
            return this;
        }

        AccountBuilder ordersLastMinute(int value) {
            ordersLastMinute = value;
            return this;
        }

        AccountBuilder positionOpen() {
            positionOpen = true;
            return this;
        }

        AccountBuilder blocks(List<Reason> value) {
            blocks = value;
            return this;
        }

        AccountBuilder sizeFactor(String value) {
            sizeFactor = new BigDecimal(value);
            return this;
        }

        AccountBuilder filters(InstrumentFilters value) {
            filters = value;
            return this;
        }

        AccountBuilder capitalRamp(CapitalRamp value) {
            capitalRamp = value;
            return this;
        }

        AccountState build() {
            return new AccountState(
                    new BigDecimal("10000"),
                    cash,
                    BigDecimal.ZERO,
                    symbolValue,
                    "corr-ABCUSDT",
                    groupValue,
                    grossValue,
                    openPositions,
                    ordersLastMinute,
                    positionOpen,
                    blocks,
                    sizeFactor,
                    filters,
                    "USDT",
                    capitalRamp);
        }
    }
}
