package dev.peregrine.monitor.domain.quality;

import java.util.List;

/**
 * The headline figures of one slice (a strategy at one horizon), flat enough to export as gauges: hit rate with its
 * Wilson interval, expectancy with a Student-t interval, Brier skill and the calibration gap. Every figure comes from
 * {@link SampleQuality}, {@link BrierScore} and {@link ReliabilityTable}, the statistics {@code GET /api/v1/quality}
 * answers with; undefined ones are NaN.
 *
 * @param sampleSize       outcomes in the slice
 * @param hitRate          hits / outcomes
 * @param hitRateLower     lower end of the Wilson interval (0 when empty)
 * @param hitRateUpper     upper end of the Wilson interval (1 when empty)
 * @param expectancy       mean net return per outcome
 * @param expectancyLower  expectancy − t<sub>1−α/2, n−1</sub>·s/√n (NaN below two outcomes)
 * @param expectancyUpper  expectancy + t<sub>1−α/2, n−1</sub>·s/√n
 * @param brierSkill       1 − BS/BS<sub>ref</sub> of the confidence against the base rate
 * @param calibrationGap   realised hit rate − mean stated confidence (negative: over-confident)
 * @param calibrationError expected calibration error of the reliability table
 */
public record QualityFigures(
        int sampleSize,
        double hitRate,
        double hitRateLower,
        double hitRateUpper,
        double expectancy,
        double expectancyLower,
        double expectancyUpper,
        double brierSkill,
        double calibrationGap,
        double calibrationError) {

    /** The figures of no outcomes at all: a sample size of 0 and nothing else defined. */
    public static final QualityFigures EMPTY =
            of(SampleQuality.of(List.of()), BrierScore.of(List.of()), ReliabilityTable.of(List.of()));

    public static QualityFigures of(SampleQuality quality, BrierScore brier, ReliabilityTable calibration) {
        ReturnDistribution returns = quality.returns();
        double halfWidth = quality.count() < 2
                ? Double.NaN
                : StudentTDistribution.twoSidedCritical(quality.hitRate().confidence(), quality.count() - 1.0)
                        * returns.standardError();
        return new QualityFigures(
                quality.count(),
                quality.hitRate().rate(),
                quality.hitRate().lower(),
                quality.hitRate().upper(),
                quality.expectancy(),
                quality.expectancy() - halfWidth,
                quality.expectancy() + halfWidth,
                brier.skillScore(),
                quality.hitRate().rate() - meanConfidence(calibration),
                calibration.expectedCalibrationError());
    }

    /** The mean stated confidence over every bin of the table, NaN when it is empty. */
    static double meanConfidence(ReliabilityTable table) {
        double sum = 0;
        for (ReliabilityBin bin : table.bins()) {
            if (bin.count() > 0) {
                sum += bin.count() * bin.meanConfidence();
            }
        }
        return table.count() == 0 ? Double.NaN : sum / table.count();
    }
}
