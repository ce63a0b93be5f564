package dev.peregrine.benchmarks.crosscheck;

import dev.peregrine.common.event.Grade;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares per grade what {@code SignalGradeReport} measured with what the monitor measured on the same data, and
 * signal by signal, so that a difference in a grade's figures comes with the signals that make it.
 *
 * <p>Equal means: the same count and the same number of hits in every grade, and means within
 * {@link #MEAN_TOLERANCE_BPS}; signal by signal, the same signals, grades and hits, and returns within
 * {@link #SIGNAL_TOLERANCE_BPS}. The tolerances are rounding only: the monitor stores each return rounded half-even to
 * 8 decimals of a fraction (10<sup>-4</sup> bps, so at most 0.5 x 10<sup>-4</sup> bps off), the report computes it in
 * doubles.
 *
 * @param report    per grade, the report's figures
 * @param monitor   per grade, the monitor's stored outcomes ({@code monitor.signal_outcomes.gross_return})
 * @param api       per grade, the monitor's {@code GET /api/v1/quality?groupBy=grade} (empty when not asked)
 * @param signals   signal by signal, every disagreement (empty when they agree)
 */
public record GradeComparison(
        Map<Grade, GradeFigures> report,
        Map<Grade, GradeFigures> monitor,
        Map<Grade, GradeFigures> api,
        List<SignalDifference> signals) {

    /** Means of a grade may differ by this much (bps) and still count as equal: accumulated rounding. */
    public static final double MEAN_TOLERANCE_BPS = 1e-3;
    /** One signal's two returns may differ by this much (bps): the monitor's rounding to 10^-4 bps. */
    public static final double SIGNAL_TOLERANCE_BPS = 1e-4;

    /** How one signal differs: present on one side only, or graded, hit or measured differently. */
    public record SignalDifference(UUID signalId, SignalReturn report, SignalReturn monitor, String what) {

        @Override
        public String toString() {
            SignalReturn any = report != null ? report : monitor;
            return String.format(
                    Locale.ROOT,
                    "%s %s %s at %s: %s (report %s, monitor %s)",
                    signalId,
                    any.strategy(),
                    any.grade(),
                    any.signalTime(),
                    what,
                    describe(report),
                    describe(monitor));
        }

        private static String describe(SignalReturn r) {
            return r == null ? "absent" : String.format(Locale.ROOT, "%s %+.4f bps", r.grade(), r.forwardBps());
        }
    }

    public static GradeComparison of(
            List<SignalReturn> report, List<SignalReturn> monitor, Map<Grade, GradeFigures> api) {
        Map<UUID, SignalReturn> byIdReport = index(report);
        Map<UUID, SignalReturn> byIdMonitor = index(monitor);
        List<SignalDifference> differences = new ArrayList<>();
        byIdReport.forEach((id, r) -> {
            SignalReturn m = byIdMonitor.get(id);
            if (m == null) {
                differences.add(new SignalDifference(id, r, null, "measured by the report only"));
                return;
            }
            List<String> what = new ArrayList<>();
            if (r.grade() != m.grade()) {
                what.add("grade " + r.grade() + " vs " + m.grade());
            }
            if (r.hit() != m.hit()) {
                what.add("hit " + r.hit() + " vs " + m.hit());
            }
            double diff = m.forwardBps() - r.forwardBps();
            if (Math.abs(diff) > SIGNAL_TOLERANCE_BPS) {
                what.add(String.format(Locale.ROOT, "return differs by %+.4f bps", diff));
            }
            if (!what.isEmpty()) {
                differences.add(new SignalDifference(id, r, m, String.join(", ", what)));
            }
        });
        byIdMonitor.forEach((id, m) -> {
            if (!byIdReport.containsKey(id)) {
                differences.add(new SignalDifference(id, null, m, "measured by the monitor only"));
            }
        });
        return new GradeComparison(
                perGrade(report),
                perGrade(monitor),
                api == null ? Map.of() : Map.copyOf(api),
                List.copyOf(differences));
    }

    /** Per grade A..F, every grade present (empty ones as {@link GradeFigures#NONE}). */
    static Map<Grade, GradeFigures> perGrade(List<SignalReturn> returns) {
        Map<Grade, List<SignalReturn>> grouped = returns.stream()
                .collect(Collectors.groupingBy(
                        SignalReturn::grade, () -> new EnumMap<>(Grade.class), Collectors.toList()));
        Map<Grade, GradeFigures> figures = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            figures.put(grade, GradeFigures.of(grouped.getOrDefault(grade, List.of())));
        }
        return figures;
    }

    private static Map<UUID, SignalReturn> index(List<SignalReturn> returns) {
        Map<UUID, SignalReturn> byId = new LinkedHashMap<>();
        for (SignalReturn r : returns) {
            if (byId.put(r.signalId(), r) != null) {
                throw new IllegalArgumentException("signal " + r.signalId() + " twice on one side");
            }
        }
        return byId;
    }

    /** True when every grade's figures agree on both monitor views and no signal differs. */
    public boolean agrees() {
        return signals.isEmpty() && gradesDiffering().isEmpty();
    }

    /** The grades whose figures differ between the report and the monitor (table or API). */
    public List<Grade> gradesDiffering() {
        List<Grade> differing = new ArrayList<>();
        for (Grade grade : Grade.values()) {
            GradeFigures r = report.getOrDefault(grade, GradeFigures.NONE);
            if (!same(r, monitor.getOrDefault(grade, GradeFigures.NONE))
                    || (!api.isEmpty() && !same(r, api.getOrDefault(grade, GradeFigures.NONE)))) {
                differing.add(grade);
            }
        }
        return differing;
    }

    static boolean same(GradeFigures a, GradeFigures b) {
        if (a.count() != b.count() || a.hits() != b.hits()) {
            return false;
        }
        return a.count() == 0 || Math.abs(a.meanBps() - b.meanBps()) <= MEAN_TOLERANCE_BPS;
    }

    /** The per-grade table (Markdown), then up to {@code maxSignals} differing signals. */
    public String render(int maxSignals) {
        StringBuilder out = new StringBuilder();
        boolean withApi = !api.isEmpty();
        out.append("| grade | report n | monitor n | report hit % | monitor hit % | diff pp | report mean bps "
                        + "| monitor mean bps | diff bps |")
                .append(withApi ? " API n | API hit % | API mean bps |" : "")
                .append('\n');
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
                .append(withApi ? "---:|---:|---:|" : "")
                .append('\n');
        Function<Double, String> pct = v -> v.isNaN() ? "–" : String.format(Locale.ROOT, "%.2f", 100 * v);
        Function<Double, String> bps = v -> v.isNaN() ? "–" : String.format(Locale.ROOT, "%+.4f", v);
        for (Grade grade : Grade.values()) {
            GradeFigures r = report.getOrDefault(grade, GradeFigures.NONE);
            GradeFigures m = monitor.getOrDefault(grade, GradeFigures.NONE);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %s | %s | %s | %s | %s | %s |",
                    grade,
                    r.count(),
                    m.count(),
                    pct.apply(r.hitRate()),
                    pct.apply(m.hitRate()),
                    diff(m.hitRate(), r.hitRate(), 100, "%+.2f"),
                    bps.apply(r.meanBps()),
                    bps.apply(m.meanBps()),
                    diff(m.meanBps(), r.meanBps(), 1, "%+.4f")));
            if (withApi) {
                GradeFigures a = api.getOrDefault(grade, GradeFigures.NONE);
                out.append(String.format(
                        Locale.ROOT, " %,d | %s | %s |", a.count(), pct.apply(a.hitRate()), bps.apply(a.meanBps())));
            }
            out.append('\n');
        }
        if (!signals.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%n%,d signals differ%s:%n",
                    signals.size(),
                    signals.size() > maxSignals ? " (first " + maxSignals + ")" : ""));
            signals.stream()
                    .limit(maxSignals)
                    .forEach(d -> out.append("- ").append(d).append('\n'));
        }
        return out.toString();
    }

    private static String diff(double a, double b, double scale, String format) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return "0";
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, format, scale * (a - b));
    }
}
