package dev.peregrine.monitor.domain.quality;

/**
 * Student's t distribution with real degrees of freedom (Welch–Satterthwaite gives non-integer ones), through the
 * regularized incomplete beta function: for t ≥ 0, P(T ≤ t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½).
 */
public final class StudentTDistribution {

    private StudentTDistribution() {}

    public static double cdf(double t, double degreesOfFreedom) {
        requirePositive(degreesOfFreedom);
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 1 : 0;
        }
        double tail = upperTail(Math.abs(t), degreesOfFreedom);
        return t >= 0 ? 1 - tail : tail;
    }

    /** Two-sided p-value 2·P(T ≥ |t|). */
    public static double twoSidedP(double t, double degreesOfFreedom) {
        requirePositive(degreesOfFreedom);
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        return Double.isInfinite(t) ? 0 : Math.min(1, 2 * upperTail(Math.abs(t), degreesOfFreedom));
    }

    /** The t with P(T ≤ t) = p, by bisection on the CDF (the CDF is monotone; 200 halvings reach double precision). */
    public static double quantile(double p, double degreesOfFreedom) {
        requirePositive(degreesOfFreedom);
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be within (0, 1): " + p);
        }
        if (p == 0.5) {
            return 0;
        }
        double low = -1;
        double high = 1;
        while (cdf(low, degreesOfFreedom) > p) {
            low *= 2;
        }
        while (cdf(high, degreesOfFreedom) < p) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-13 * Math.max(1, Math.abs(high)); i++) {
            double mid = 0.5 * (low + high);
            if (cdf(mid, degreesOfFreedom) < p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    /** The t of a two-sided interval at this confidence level, e.g. 2.228 for 95 % and 10 degrees of freedom. */
    public static double twoSidedCritical(double confidence, double degreesOfFreedom) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be within (0, 1): " + confidence);
        }
        return quantile(1 - (1 - confidence) / 2, degreesOfFreedom);
    }

    private static double upperTail(double absT, double degreesOfFreedom) {
        if (Double.isInfinite(degreesOfFreedom)) {
            return 1 - NormalDistribution.cdf(absT);
        }
        double x = degreesOfFreedom / (degreesOfFreedom + absT * absT);
        return 0.5 * SpecialFunctions.regularizedIncompleteBeta(x, degreesOfFreedom / 2, 0.5);
    }

    private static void requirePositive(double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0)) {
            throw new IllegalArgumentException("degrees of freedom must be > 0: " + degreesOfFreedom);
        }
    }
}
