package dev.peregrine.monitor.domain.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The short plain-text summary of a report that goes to the alert channels (no markup, a few lines):
 *
 * <pre>
 * Daily report 2026-12-06 (UTC), outcomes at 4h
 * Signals: 140 (112 tradeable)
 * Outcomes: 96, hit rate 52.1 % [42.2, 61.8], expectancy +0.120 % per outcome
 * Trades: 12 closed, 7 won, P&amp;L +153.2 USDT
 * Best: momentum (+0.310 %, n=40); worst: breakout (-0.220 %, n=25)
 * Auto-pause: PAUSE breakout 14:05
 * Alerts: 2 CRITICAL, 1 WARNING
 * </pre>
 */
public final class ReportText {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ReportText() {}

    public static String summary(PeriodReport report) {
        StringJoiner text = new StringJoiner("\n");
        text.add(title(report));
        if (report.empty()) {
            report.notes().forEach(text::add);
            return text.toString();
        }
        StrategyReport all = report.overall();
        text.add("Signals: " + all.signals() + " (" + all.tradeableSignals() + " tradeable)");
        OutcomeFigures o = all.outcomes();
        text.add(
                o == null
                        ? "Outcomes: none measured"
                        : String.format(
                                Locale.ROOT,
                                "Outcomes: %d, hit rate %.1f %% [%.1f, %.1f], expectancy %s per outcome",
                                o.count(),
                                100 * o.hitRate(),
                                100 * o.hitRateLower(),
                                100 * o.hitRateUpper(),
                                percent(o.expectancy())));
        TradeFigures t = all.trades();
        text.add(
                t == null
                        ? "Trades: none closed"
                        : "Trades: " + t.trades() + " closed, " + t.wins() + " won, P&L " + money(t.realisedPnl()));
        if (report.best() != null) {
            text.add("Best: " + ranked(report, report.best()) + "; worst: " + ranked(report, report.worst()));
        }
        StringJoiner decisions = new StringJoiner(", ");
        report.decisions()
                .forEach(d -> decisions.add(d.action() + " " + d.strategy() + " " + TIME.format(d.decidedAt())));
        text.add("Auto-pause: " + (report.decisions().isEmpty() ? "none" : decisions.toString()));
        StringJoiner alerts = new StringJoiner(", ");
        report.alertCounts().entrySet().stream()
                .sorted(Map.Entry.<dev.peregrine.common.event.Severity, Long>comparingByKey()
                        .reversed())
                .forEach(e -> alerts.add(e.getValue() + " " + e.getKey()));
        text.add("Alerts: " + (report.alerts().isEmpty() ? "none" : alerts.toString()));
        if (!report.complete()) {
            text.add("(period still running)");
        }
        return text.toString();
    }

    private static String title(PeriodReport report) {
        String kind = report.period().kind() == ReportPeriod.Kind.DAILY ? "Daily" : "Weekly";
        return kind + " report " + report.period().label() + " (UTC), outcomes at " + human(report.horizon());
    }

    private static String ranked(PeriodReport report, String strategy) {
        OutcomeFigures o = report.strategies().stream()
                .filter(s -> s.strategy().equals(strategy))
                .findFirst()
                .orElseThrow()
                .outcomes();
        return strategy + " (" + percent(o.expectancy()) + ", n=" + o.count() + ")";
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.3f %%", 100 * fraction);
    }

    private static String money(Map<String, BigDecimal> amounts) {
        StringJoiner joined = new StringJoiner(", ");
        amounts.forEach((currency, amount) -> joined.add(
                (amount.signum() > 0 ? "+" : "") + amount.stripTrailingZeros().toPlainString() + " " + currency));
        return joined.toString();
    }

    static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
