package dev.peregrine.benchmarks.crosscheck;

import dev.peregrine.benchmarks.crosscheck.MonitorCrossCheck.Result;
import dev.peregrine.benchmarks.crosscheck.MonitorCrossCheck.Verdict;
import dev.peregrine.benchmarks.signal.SignalGradeReport;
import dev.peregrine.common.event.Grade;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ruling of {@link MonitorCrossCheck} once both sides are measured: what is wrong besides the grade figures
 * (drain, counts, cost), which raw differences ingest's flags do not explain, the {@link MonitorCrossCheck.Verdict},
 * and the Markdown section saying so. Apart from the cross-check, which starts the suite and collects the figures,
 * because judging them reads no infrastructure: the same figures always get the same ruling.
 */
final class CrossCheckRuling {

    private CrossCheckRuling() {}

    /**
     * @param what      the file (and candles) compared, for the text
     * @param report    the report on the raw file
     * @param drained   whether the replay completed and the chain drained
     * @param runStatus the replay run's status
     * @param flags     ingest's quality flags on the same candles
     * @param status    the monitor's 4 h rows by status
     * @param costs     the round-trip costs the monitor applied
     * @param raw       the report on the raw file against the monitor
     * @param withFlags the report's chain on the candles with ingest's flags against the monitor
     */
    static Result rule(
            String what,
            SignalGradeReport.SymbolRun report,
            boolean drained,
            String runStatus,
            IngestFlags flags,
            Map<String, Integer> status,
            List<BigDecimal> costs,
            GradeComparison raw,
            GradeComparison withFlags) {
        List<String> problems = new ArrayList<>();
        if (!drained) {
            problems.add("the replay did not complete or the chain did not drain (" + runStatus + ")");
        }
        if (flags.candles() != report.candles()) {
            problems.add(String.format(
                    Locale.ROOT, "candles: %,d in the file, %,d stored by ingest", report.candles(), flags.candles()));
        }
        int monitorRows = status.values().stream().mapToInt(Integer::intValue).sum();
        if (monitorRows != report.signals()) {
            problems.add(String.format(
                    Locale.ROOT,
                    "signals: the report has %,d, the monitor %,d 4 h rows",
                    report.signals(),
                    monitorRows));
        }
        int pending = status.getOrDefault("PENDING", 0);
        if (pending != report.unresolved()) {
            problems.add(String.format(
                    Locale.ROOT,
                    "without a 4 h exit: the report dropped %,d, the monitor " + "has %,d PENDING",
                    report.unresolved(),
                    pending));
        }
        if (costs.stream().anyMatch(c -> c.signum() != 0)) {
            problems.add("the monitor applied a round-trip cost " + costs + ", not 0: its API figures are net");
        }
        // A raw difference is explained when only the grade differs, the monitor's is F and the candle flagged.
        List<GradeComparison.SignalDifference> unexplained = raw.signals().stream()
                .filter(d -> !(d.report() != null
                        && d.monitor() != null
                        && d.monitor().grade() == Grade.F
                        && d.what().startsWith("grade ")
                        && !d.what().contains(",")
                        && flags.isFlagged(d.report().signalTime())))
                .toList();
        Verdict verdict;
        if (!problems.isEmpty() || !unexplained.isEmpty()) {
            verdict = Verdict.DIFFER;
        } else if (raw.agrees()) {
            verdict = Verdict.AGREE;
        } else {
            verdict = withFlags.agrees() ? Verdict.DIFFER_ONLY_ON_FLAGGED_CANDLES : Verdict.DIFFER;
        }

        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%n## %s: SignalGradeReport vs monitor at 4 h (gross; hit = " + "gross forward return > 0)%n%n",
                what));
        text.append(String.format(
                Locale.ROOT,
                "Signals: report %,d, monitor %,d 4 h rows %s. Left out on both "
                        + "sides, no 4 h exit in the data: report %,d dropped, monitor %,d PENDING. Monitor "
                        + "round-trip cost for the run: %s. Candles ingest flagged: %,d of %,d %s.%n%n",
                report.signals(),
                monitorRows,
                status,
                report.unresolved(),
                pending,
                costs,
                flags.flagged().size(),
                flags.candles(),
                flags.countsByFlag()));
        text.append("### SignalGradeReport as it runs (raw file, no quality flags) vs monitor\n\n");
        text.append(raw.render(50));
        text.append("\n### SignalGradeReport's chain on the candles with ingest's quality flags vs monitor\n\n");
        text.append(withFlags.render(50));
        List<String> reasons = new ArrayList<>(problems);
        if (!unexplained.isEmpty()) {
            reasons.add(String.format(
                    Locale.ROOT, "%,d raw differences not explained by ingest's flags", unexplained.size()));
        }
        if (!raw.agrees()) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "raw: %,d signals differ, grades %s; with ingest's flags: %s",
                    raw.signals().size(),
                    raw.gradesDiffering(),
                    withFlags.agrees()
                            ? "equal"
                            : withFlags.signals().size() + " signals differ, grades " + withFlags.gradesDiffering()));
        }
        text.append(String.format(
                Locale.ROOT,
                "%nRESULT %s: %s%s%n",
                what,
                verdict,
                reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")"));
        return new Result(
                verdict,
                drained,
                raw,
                withFlags,
                flags.flagged().size(),
                report.signals(),
                report.unresolved(),
                status,
                List.copyOf(problems),
                unexplained,
                text.toString());
    }
}
