package dev.peregrine.monitor.domain.report;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Severity;
import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts of 6 December 2026 the report tests use: momentum 7 hits of +1 % in 10 outcomes, breakout 2 of 10 (8
 * losses of -1 %), one trade each, a pause of breakout and two alerts.
 */
public final class ReportFacts {

    public static final Instant DAY = Instant.parse("2026-12-06T00:00:00Z");

    private ReportFacts() {}

    public static PeriodFacts sixthOfDecember() {
        List<MeasuredOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outcomes.add(outcome("momentum", i < 7 ? 0.01 : -0.01, i));
            outcomes.add(outcome("breakout", i < 2 ? 0.01 : -0.01, i));
        }
        return new PeriodFacts(
                List.of(new SignalCount("breakout", 12, 10), new SignalCount("momentum", 11, 9)),
                outcomes,
                List.of(
                        new ClosedTrade(
                                "momentum",
                                DAY.plusSeconds(3600),
                                new BigDecimal("12.50"),
                                new BigDecimal("0.40"),
                                "USDT"),
                        new ClosedTrade(
                                "breakout",
                                DAY.plusSeconds(7200),
                                new BigDecimal("-4.00"),
                                new BigDecimal("0.30"),
                                "USDT")),
                List.of(new PauseDecision("breakout", "PAUSE", "one-sided lower CUSUM ...", DAY.plusSeconds(50_700))),
                List.of(
                        new RaisedAlert(
                                Severity.CRITICAL,
                                "monitor-service",
                                "STRATEGY_AUTO_PAUSED",
                                "breakout",
                                DAY.plusSeconds(50_701)),
                        new RaisedAlert(
                                Severity.WARNING,
                                "risk-service",
                                "KILL_SWITCH_OFF",
                                "KILL_SWITCH",
                                DAY.plusSeconds(60_000))));
    }

    public static PeriodFacts nothing() {
        return new PeriodFacts(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static MeasuredOutcome outcome(String strategy, double net, int index) {
        return new MeasuredOutcome(
                strategy, "BTCUSDT", Grade.B, null, 0.7, 70, net, net > 0, DAY.plusSeconds(900L * index));
    }
}
