package dev.peregrine.benchmarks.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.benchmarks.audit.AuditData.ApiPortfolio;
import dev.peregrine.benchmarks.audit.AuditData.Decision;
import dev.peregrine.benchmarks.audit.AuditData.EquityPoint;
import dev.peregrine.benchmarks.audit.AuditData.Intent;
import dev.peregrine.benchmarks.audit.AuditData.LastCandle;
import dev.peregrine.benchmarks.audit.AuditData.Order;
import dev.peregrine.benchmarks.audit.AuditData.PositionRow;
import dev.peregrine.benchmarks.audit.AuditData.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audit's checks on a hand-computed book: one BTCUSDT trade of momentum stopped out, one open position of
 * breakout, each check passing, then each broken on purpose.
 *
 * <pre>
 * start 10000
 * momentum  BUY  0.01 @ 30000, fee 0.3   cash 9699.7
 *           stop SELL 0.01 @ 29000, fee 0.29   cash 9989.41   realised 290 - 300 - 0.3 - 0.29 = -10.59
 * breakout  BUY  0.01 @ 29500, fee 0.295 cash 9694.115        realised -0.295, cost 295
 * last close 29800: breakout unrealised 298 - 295 = 3; equity 9694.115 + 298 = 9992.115 = 10000 - 10.59 - 0.295 + 3
 * </pre>
 */
class ReplayAuditTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:14:59.999Z");
    private static final AuditData.Limits LIMITS = new AuditData.Limits(
            "USDT",
            new BigDecimal("10000"),
            BigDecimal.ONE,
            new BigDecimal("0.05"),
            new BigDecimal("0.10"),
            new BigDecimal("0.005"));

    private final List<Decision> decisions = new ArrayList<>(List.of(
            approved("d1", "momentum", "0.01", "30000", "10000", T0, 1),
            approved("d2", "breakout", "0.01", "29500", "9989.41", T0.plusSeconds(7200), 5)));
    private final List<Intent> intents = new ArrayList<>(List.of(
            new Intent("d1", "e1", "ENTRY", "momentum", "BTCUSDT", dec("0.01"), T0, null),
            new Intent("d2", "e2", "ENTRY", "breakout", "BTCUSDT", dec("0.01"), T0.plusSeconds(7200), null)));
    private final Map<String, Instant> ends =
            new java.util.HashMap<>(Map.of("e1", wall(2), "s1", wall(3), "t1", wall(3), "e2", wall(6)));
    private final List<Order> orders = new ArrayList<>(List.of(
            fill("e1", "momentum", "BUY", "ENTRY", "0.01", "30000", "0.3", T0.plusMillis(1), null, 1L),
            fill("s1", "momentum", "SELL", "STOP_LOSS", "0.01", "29000", "0.29", T0.plusSeconds(3600), null, 2L),
            new Order(
                    "t1",
                    "momentum",
                    "BTCUSDT",
                    "SELL",
                    "TAKE_PROFIT",
                    dec("0.01"),
                    "CANCELED",
                    null,
                    null,
                    null,
                    null,
                    null,
                    "e1",
                    null,
                    T0,
                    null,
                    2L),
            fill("e2", "breakout", "BUY", "ENTRY", "0.01", "29500", "0.295", T0.plusSeconds(7201), null, 3L)));
    private final List<PositionRow> positions = new ArrayList<>(List.of(
            new PositionRow(
                    "p1",
                    "momentum",
                    "BTCUSDT",
                    "CLOSED",
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    dec("-10.59"),
                    dec("0.59"),
                    T0.plusMillis(1),
                    T0.plusSeconds(3600),
                    "STOP_LOSS",
                    "s1"),
            new PositionRow(
                    "p2",
                    "breakout",
                    "BTCUSDT",
                    "OPEN",
                    dec("0.01"),
                    dec("295"),
                    dec("-0.295"),
                    dec("0.295"),
                    T0.plusSeconds(7201),
                    null,
                    null,
                    "e2")));
    private final List<EquityPoint> curve =
            new ArrayList<>(List.of(point(0, "9999.7", "300"), point(1, "9989.41", "0"), point(2, "9992.115", "298")));
    private final List<AuditData.Anomaly> anomalies = new ArrayList<>();
    private BigDecimal apiEquity = dec("9992.115");

    @Test
    void aConsistentBookPassesEveryCheckAndGivesTheFiguresPerStrategy() {
        ReplayAudit.Result result = audit();

        assertThat(result.checks())
                .extracting(ReplayAudit.Check::id)
                .containsExactly("1a", "1b", "1c", "2a", "2b", "2c", "3", "4");
        assertThat(result.checks())
                .allSatisfy(check -> assertThat(check.passed())
                        .as(check.id() + " " + check.detail())
                        .isTrue());
        assertThat(result.passed()).isTrue();
        ReplayAudit.StrategyStats momentum = stats(result, "momentum");
        assertThat(momentum.trades()).isEqualTo(1);
        assertThat(momentum.wins()).isZero();
        assertThat(momentum.realisedClosed()).isEqualByComparingTo("-10.59");
        assertThat(momentum.exitReasons()).containsExactly(Map.entry("STOP_LOSS", 1));
        assertThat(momentum.maxDrawdown()).isEqualByComparingTo("0.001059");
        ReplayAudit.StrategyStats breakout = stats(result, "breakout");
        assertThat(breakout.trades()).isZero();
        assertThat(breakout.openPositions()).isEqualTo(1);
        assertThat(breakout.openPnl()).isEqualByComparingTo("2.705");
        assertThat(result.total().trades()).isEqualTo(1);
        assertThat(result.total().openPositions()).isEqualTo(1);
        assertThat(result.total().fees()).isEqualByComparingTo("0.885");
        assertThat(result.total().netPnl()).isEqualByComparingTo("-7.885");
        assertThat(result.account().finalEquity()).isEqualByComparingTo("9992.115");
        assertThat(result.account().maxDrawdownCurve()).isEqualByComparingTo("0.001059");
    }

    @Test
    void aSaleBeyondTheHoldingFailsTwoAndIsNamed() {
        orders.set(
                1,
                fill("s1", "momentum", "SELL", "STOP_LOSS", "0.02", "29000", "0.58", T0.plusSeconds(3600), null, 2L));

        ReplayAudit.Result result = audit();

        assertThat(check(result, "2a").passed()).isFalse();
        assertThat(check(result, "2a").detail()).contains("s1 (STOP_LOSS) of momentum/BTCUSDT sold 0.02 holding 0.01");
        assertThat(check(result, "2b").passed()).isFalse();
        assertThat(result.passed()).isFalse();
    }

    @Test
    void anAnomalyFailsTwoC() {
        anomalies.add(new AuditData.Anomaly("NEGATIVE_CASH", "NEGATIVE_CASH: USDT cash is -1", T0));

        assertThat(check(audit(), "2c").passed()).isFalse();
    }

    @Test
    void positionsWhosePnlDoesNotAddUpToTheFillsFailThree() {
        positions.set(
                0,
                new PositionRow(
                        "p1",
                        "momentum",
                        "BTCUSDT",
                        "CLOSED",
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        dec("-10.58"),
                        dec("0.59"),
                        T0.plusMillis(1),
                        T0.plusSeconds(3600),
                        "STOP_LOSS",
                        "s1"));

        ReplayAudit.Result result = audit();

        assertThat(check(result, "3").passed()).isFalse();
        assertThat(check(result, "3").detail()).contains("momentum/BTCUSDT: positions' P&L -10.58 vs fills' -10.59");
        assertThat(check(result, "4").passed()).isFalse();
    }

    @Test
    void aFillRiskNeverAppliedFailsThree() {
        ends.remove("s1");

        assertThat(check(audit(), "3").detail()).contains("fill s1 was never applied by risk");
    }

    @Test
    void anApiShowingAnotherEquityFailsFourButOneUnitOfTheEighthDecimalIsRounding() {
        apiEquity = dec("9992.11500001");
        assertThat(check(audit(), "4").passed()).isTrue();

        apiEquity = dec("9992.12");
        assertThat(check(audit(), "4").passed()).isFalse();
    }

    @Test
    void anApprovalAboveThePositionFractionOfItsEquityFailsOneB() {
        decisions.set(0, approved("d1", "momentum", "0.02", "30000", "10000", T0, 1));

        ReplayAudit.Result result = audit();

        assertThat(check(result, "1b").passed()).isFalse();
        assertThat(check(result, "1b").detail()).contains("d1: notional 600 on equity 10000");
    }

    @Test
    void grossAtAnApprovalCountsPositionsAndEntriesStillInFlight() {
        // d2 decided while e1 was still in flight (its fill applied only later): 300 x 1.005 reserved + 295 = 596.5.
        ends.put("e1", wall(7));
        ends.put("s1", wall(8));
        decisions.set(1, approved("d2", "breakout", "0.01", "29500", "10000", T0.plusSeconds(7200), 5));
        assertThat(check(audit(), "1c").detail()).contains("highest (positions + reserved + order)/equity 5.965 %");

        // An order that takes the symbol above 10 % of equity with the reservation still there: 301.5 + 708.
        decisions.set(1, approved("d2", "breakout", "0.024", "29500", "10000", T0.plusSeconds(7200), 5));
        ReplayAudit.Result result = audit();
        assertThat(check(result, "1c").passed()).isFalse();
        assertThat(check(result, "1c").detail()).contains("reserved 301.5");
    }

    @Test
    void positionsHeldAtDecisionAreEquityLessCash() {
        // d3 decided after e2 filled: positions = 9992.115 - 9694.115 = 298, plus its own 0.01 x 30000.
        decisions.add(approved("d3", "momentum", "0.01", "30000", "9992.115", T0.plusSeconds(9000), 7));

        assertThat(check(audit(), "1c").detail()).contains("highest (positions + reserved + order)/equity 5.985 %");
    }

    @Test
    void anHourAboveTheGrossLimitFailsOneA() {
        curve.add(point(3, "9000", "9000.01"));

        assertThat(check(audit(), "1a").passed()).isFalse();
    }

    @Test
    void theEquityIsReadFromTheRiskBudgetReason() {
        assertThat(ExposureChecks.equityDecidedOn(approved("d", "s", "1", "1", "10123.456789012345678901", T0, 1)))
                .contains(new BigDecimal("10123.456789012345678901"));
        assertThat(ExposureChecks.equityDecidedOn(new Decision(
                        "d",
                        "s",
                        "BTCUSDT",
                        "BUY",
                        "DENIED",
                        null,
                        dec("1"),
                        List.of(new Reason("POSITION_OPEN", "x")),
                        T0,
                        wall(1))))
                .isEmpty();
    }

    @Test
    void storedReasonsAreReadFromTheirJson() {
        assertThat(AuditStores.reasons("[{\"code\":\"RISK_BUDGET\",\"detail\":\"base 1 = equity 10 USDT x\"}]"))
                .containsExactly(new Reason("RISK_BUDGET", "base 1 = equity 10 USDT x"));
    }

    @Test
    void theExitReasonOfAnExitOrderIsItsOwn() {
        orders.set(
                1,
                fill(
                        "s1",
                        "momentum",
                        "SELL",
                        "EXIT",
                        "0.01",
                        "29000",
                        "0.29",
                        T0.plusSeconds(3600),
                        "MAX_HOLDING_TIME",
                        2L));

        assertThat(stats(audit(), "momentum").exitReasons()).containsExactly(Map.entry("MAX_HOLDING_TIME", 1));
    }

    @Test
    void anExitRejectedBecauseAStopSoldOnALaterCandleIsCounted() {
        // The exit was to fill on the candle opening at T0 + 15 min; the stop sold at T0 + 1 h, before execution saw
        // the exit.
        orders.add(new Order(
                "x1",
                "momentum",
                "BTCUSDT",
                "SELL",
                "EXIT",
                dec("0.01"),
                "REJECTED",
                null,
                null,
                null,
                T0.plusSeconds(3600),
                "OPPOSITE_SIGNAL",
                null,
                null,
                T0.plusSeconds(900).minusMillis(1),
                "NOTHING_HELD",
                9L));

        ReplayAudit.Account account = audit().account();

        assertThat(account.exitOrders()).containsExactly(Map.entry("REJECTED NOTHING_HELD", 1L));
        assertThat(account.exitsLostToLaterLegs()).isEqualTo(1);
    }

    private ReplayAudit.Result audit() {
        AuditData data = new AuditData(
                LIMITS,
                decisions,
                intents,
                ends,
                orders,
                positions,
                curve,
                anomalies,
                List.of(),
                Map.of("BTCUSDT", new LastCandle("BTCUSDT", dec("29800"), T0.plusSeconds(9000))),
                List.of(new AuditData.Valued(T0.plusSeconds(9000), wall(0))),
                new ApiPortfolio(apiEquity, null, null, 1, T0.plusSeconds(9000), "ACTIVE", false, "{}"));
        return ReplayAudit.audit(data, Duration.ofDays(3));
    }

    private static ReplayAudit.Check check(ReplayAudit.Result result, String id) {
        return result.checks().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static ReplayAudit.StrategyStats stats(ReplayAudit.Result result, String strategy) {
        return result.strategies().stream()
                .filter(s -> s.strategyId().equals(strategy))
                .findFirst()
                .orElseThrow();
    }

    private static Decision approved(
            String id,
            String strategy,
            String quantity,
            String price,
            String equity,
            Instant candleClose,
            int wallSecond) {
        return new Decision(
                id,
                strategy,
                "BTCUSDT",
                "BUY",
                "APPROVED",
                dec(quantity),
                dec(price),
                List.of(
                        new Reason(
                                "RISK_BUDGET",
                                "base 0.1 = equity " + equity + " USDT x risk per trade 0.01 / stop distance 1000"),
                        new Reason("QUALITY_SCALING", "...")),
                candleClose,
                wall(wallSecond));
    }

    private static Order fill(
            String id,
            String strategy,
            String side,
            String purpose,
            String quantity,
            String price,
            String fee,
            Instant at,
            String exitReason,
            Long sequence) {
        return new Order(
                id,
                strategy,
                "BTCUSDT",
                side,
                purpose,
                dec(quantity),
                "FILLED",
                dec(price),
                dec(fee),
                "USDT",
                at,
                exitReason,
                purpose.equals("STOP_LOSS") || purpose.equals("TAKE_PROFIT") ? "e1" : null,
                sequence,
                at.minusMillis(1),
                null,
                sequence);
    }

    private static EquityPoint point(int hour, String equity, String gross) {
        return new EquityPoint(
                T0.plusSeconds(3600L * hour),
                dec(equity),
                dec(equity).subtract(dec(gross)),
                BigDecimal.ZERO,
                dec(gross),
                BigDecimal.ZERO,
                1,
                wall(hour));
    }

    private static Instant wall(int second) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
