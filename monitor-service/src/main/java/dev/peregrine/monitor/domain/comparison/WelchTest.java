package dev.peregrine.monitor.domain.comparison;

import dev.peregrine.monitor.domain.quality.SampleMoments;
import dev.peregrine.monitor.domain.quality.StudentTDistribution;

/**
 * Whether two mean returns differ without assuming equal variances (two strategies rarely share a volatility):
 * Welch's t-test with Welch–Satterthwaite degrees of freedom and a Student-t p-value.
 * <p>
 * se = √(s_A²/n_A + s_B²/n_B), t = (x̄_B − x̄_A)/se,
 * ν = (s_A²/n_A + s_B²/n_B)² / ((s_A²/n_A)²/(n_A − 1) + (s_B²/n_B)²/(n_B − 1)),
 * CI = (x̄_B − x̄_A) ± t_{1−α/2, ν}·se.
 * Each arm needs two values, else everything but the means is NaN. With zero variance in both arms the difference
 * is exact: t = ±∞ and p = 0 when the means differ, t = NaN and p = 1 when they are equal, ν = NaN.
 */
public record WelchTest(
        SampleMoments a,
        SampleMoments b,
        double difference,
        double standardError,
        double t,
        double degreesOfFreedom,
        double pValue,
        double confidence,
        double lower,
        double upper) {

    public static WelchTest of(double[] a, double[] b, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be within (0, 1): " + confidence);
        }
        SampleMoments ma = SampleMoments.of(a);
        SampleMoments mb = SampleMoments.of(b);
        double difference = mb.mean() - ma.mean();
        if (ma.count() < 2 || mb.count() < 2) {
            return new WelchTest(
                    ma,
                    mb,
                    difference,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    confidence,
                    Double.NaN,
                    Double.NaN);
        }
        double va = ma.variance() / ma.count();
        double vb = mb.variance() / mb.count();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            boolean equal = difference == 0;
            return new WelchTest(
                    ma,
                    mb,
                    difference,
                    0,
                    equal ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, difference),
                    Double.NaN,
                    equal ? 1 : 0,
                    confidence,
                    difference,
                    difference);
        }
        double df = (va + vb) * (va + vb) / (va * va / (ma.count() - 1) + vb * vb / (mb.count() - 1));
        double t = difference / se;
        double critical = StudentTDistribution.twoSidedCritical(confidence, df);
        return new WelchTest(
                ma,
                mb,
                difference,
                se,
                t,
                df,
                StudentTDistribution.twoSidedP(t, df),
                confidence,
                difference - critical * se,
                difference + critical * se);
    }
}
