package dev.peregrine.backtest.research.run;

import dev.peregrine.backtest.research.calibration.CalibrationReport;
import dev.peregrine.backtest.research.calibration.GradeTable;
import dev.peregrine.backtest.research.calibration.ReliabilityTable;
import java.io.PrintStream;
import java.util.Locale;

/** The calibration run's console output: out-of-sample figures only. */
final class CalibrationPrinter {

    private CalibrationPrinter() {}

    static void print(String name, CalibrationReport report, GradeTable grades, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%s, out of sample: %d signals, hit rate %.4f, Brier %.5f, reference %.5f, skill %.5f%n",
                name,
                report.predictions(),
                report.hitRate(),
                report.brier(),
                report.referenceBrier(),
                report.brierSkill());
        for (ReliabilityTable.Bin bin : report.reliability().bins()) {
            if (bin.count() > 0) {
                out.printf(
                        Locale.ROOT,
                        "  [%.1f, %.1f) %7d  predicted %.3f  observed %.3f%n",
                        bin.lower(),
                        bin.upper(),
                        bin.count(),
                        bin.meanPredicted(),
                        bin.observedFrequency());
            }
        }
        for (GradeTable.Row row : grades.rows()) {
            if (row.count() > 0) {
                out.printf(
                        Locale.ROOT,
                        "  grade %s %7d  mean probability %.3f  hit rate %.4f%n",
                        row.grade(),
                        row.count(),
                        row.meanProbability(),
                        row.hitRate());
            }
        }
        out.printf(
                "  grades monotone out of sample (grades with at least %d signals): %s%n",
                grades.minCount(), grades.monotone() ? "yes" : "no");
    }
}
