package dev.peregrine.benchmarks.audit;

import dev.peregrine.benchmarks.audit.ReplayAudit.Check;
import dev.peregrine.benchmarks.audit.ReplayAudit.Result;
import dev.peregrine.benchmarks.audit.ReplayAudit.StrategyStats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The audit of one file as Markdown: the checks with PASS/FAIL, the table per strategy, the account's figures. */
final class AuditReport {

    /** What the run was, beside what the audit found. */
    record RunFacts(
            String file,
            String symbol,
            long candlesPublished,
            long linesRead,
            Duration ingestTook,
            Duration chainTook,
            Duration total,
            boolean drained,
            Map<String, Long> counts) {}

    private AuditReport() {}

    static String render(RunFacts run, Result result) {
        StringBuilder out = new StringBuilder();
        ReplayAudit.Account account = result.account();
        BigDecimal change = account.finalEquity().subtract(account.startingBalance());
        out.append(String.format(
                Locale.ROOT,
                "### %s: %s%n%n",
                run.file(),
                result.passed() && run.drained() ? "every check PASSED" : "FAILED"));
        out.append(String.format(
                Locale.ROOT,
                "%,d lines read, %,d candles published by ingest in %.1f s; chain "
                        + "drained %s %.0f s after the replay started (%.0f s with start-up and the quiet period). "
                        + "Final equity **%s** %s (%s%s, %s %%); max drawdown %s %% (hourly equity curve, at %s; "
                        + "risk's own drawdown column peaked at %s %%).%n%n",
                run.linesRead(),
                run.candlesPublished(),
                seconds(run.ingestTook()),
                run.drained() ? "" : "(NOT DRAINED)",
                seconds(run.chainTook()),
                seconds(run.total()),
                money(account.finalEquity()),
                "USDT",
                change.signum() >= 0 ? "+" : "",
                money(change),
                pct(change.divide(account.startingBalance(), 12, RoundingMode.HALF_EVEN)),
                pct(account.maxDrawdownCurve()),
                account.maxDrawdownAt(),
                pct(account.maxDrawdownRisk())));

        out.append("| check | result | measured |\n|---|---|---|\n");
        if (!run.drained()) {
            out.append("| chain drained (replay COMPLETED, lag 0, quiet) | **FAIL** | counts ")
                    .append(run.counts())
                    .append(" |\n");
        }
        for (Check check : result.checks()) {
            out.append("| ")
                    .append(check.id())
                    .append(". ")
                    .append(check.name())
                    .append(" | ")
                    .append(check.passed() ? "PASS" : "**FAIL**")
                    .append(" | ")
                    .append(check.detail().replace("|", "/"))
                    .append(" |\n");
        }
        out.append('\n');

        out.append(
                "| strategy | trades | win rate | realised P&L | fees | open | open P&L | net P&L | max DD (closed trades) |"
                        + " exits |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (StrategyStats s : result.strategies()) {
            out.append(row(s.strategyId(), s));
        }
        out.append(row("**all**", result.total())).append('\n');

        out.append("- Decisions: ")
                .append(account.decisions())
                .append("; denials by first reason: ")
                .append(account.denials())
                .append('\n');
        out.append("- Exit intents by reason: ")
                .append(account.exitIntents())
                .append("; execution's EXIT orders: ")
                .append(account.exitOrders())
                .append(", of which ")
                .append(account.exitsLostToLaterLegs())
                .append(" rejected NOTHING_HELD because a stop or take-profit had sold the position on the exit's own "
                        + "fill candle or a later one (execution had seen it before the exit came)\n");
        out.append("- Control transitions: ")
                .append(account.controlTransitions().isEmpty() ? "none" : account.controlTransitions())
                .append(
                        account.firstDrawdownHalt() == null
                                ? ""
                                : "; the drawdown limit first halted entries at " + account.firstDrawdownHalt())
                .append('\n');
        out.append(String.format(
                Locale.ROOT,
                "- Holding: longest %s; %d closed positions held longer than " + "max-holding-time + 1 h%n",
                human(account.longestHolding()),
                account.positionsHeldPastLimit()));
        out.append(String.format(
                Locale.ROOT,
                "- Equity curve: %d of %d hourly rows were last written after the row of a "
                        + "later hour (up to %s later), so they hold a valuation from a later market time%n",
                account.equityRowsOutOfOrder(),
                account.equityPoints(),
                human(account.equityRowsRewrittenSpan())));
        if (!account.marksAhead().isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "- Risk's market time ahead of the signal's candle at each decision: "
                            + "median %s, p90 %s, max %s%n",
                    human(account.marksAhead().get(0)),
                    human(account.marksAhead().get(1)),
                    human(account.marksAhead().get(2))));
        }
        out.append("- Rows: ").append(run.counts()).append('\n');
        return out.toString();
    }

    private static String row(String name, StrategyStats s) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s | %d | %s | %s | %s %% | %s |%n",
                name,
                s.trades(),
                s.trades() == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", s.winRate() * 100),
                money(s.realisedClosed()),
                money(s.fees()),
                s.openPositions(),
                money(s.openPnl()),
                money(s.netPnl()),
                pct(s.maxDrawdown()),
                exits(s.exitReasons()));
    }

    private static String exits(Map<String, Integer> reasons) {
        return reasons.isEmpty()
                ? "-"
                : reasons.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    static String money(BigDecimal value) {
        return String.format(Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String pct(BigDecimal ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio.doubleValue() * 100);
    }

    private static double seconds(Duration duration) {
        return duration == null ? 0 : duration.toMillis() / 1e3;
    }

    private static String human(Duration duration) {
        long hours = duration.toHours();
        if (duration.toMinutes() < 120) {
            return duration.toMinutes() + " min";
        }
        return hours >= 48
                ? String.format(Locale.ROOT, "%.1f days", duration.toMinutes() / 1440.0)
                : String.format(Locale.ROOT, "%.1f h", duration.toMinutes() / 60.0);
    }

    static List<String> failed(Result result) {
        return result.checks().stream().filter(c -> !c.passed()).map(Check::id).toList();
    }
}
