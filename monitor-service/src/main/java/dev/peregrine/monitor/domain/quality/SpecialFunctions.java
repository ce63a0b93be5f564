package dev.peregrine.monitor.domain.quality;

/**
 * The log-gamma and regularized incomplete beta functions behind the Student-t distribution; written here because
 * no maths library is on the monitor's class path and the service takes no new dependency for two functions.
 */
public final class SpecialFunctions {

    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double TINY = 1e-300;
    private static final double EPSILON = 1e-15;
    private static final int MAX_ITERATIONS = 10_000;

    private SpecialFunctions() {}

    /** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma needs x > 0: " + x);
        }
        if (x < 0.5) {
            // Reflection: Γ(x)Γ(1-x) = π / sin(πx)
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double shifted = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (shifted + i);
        }
        double t = shifted + 7.5;
        return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /**
     * I_x(a, b), the regularized incomplete beta function, by the continued fraction (modified Lentz), applied
     * directly or through the symmetry I_x(a,b) = 1 - I_{1-x}(b,a) where it converges faster.
     */
    public static double regularizedIncompleteBeta(double x, double a, double b) {
        if (!(a > 0 && b > 0)) {
            throw new IllegalArgumentException("incomplete beta needs a, b > 0: a=" + a + ", b=" + b);
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(logFront) * continuedFraction(x, a, b) / a;
        }
        return 1 - Math.exp(logFront) * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        double c = 1;
        double d = nonZero(1 - (a + b) * x / (a + 1));
        d = 1 / d;
        double result = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
            d = 1 / nonZero(1 + even * d);
            c = nonZero(1 + even / c);
            result *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
            d = 1 / nonZero(1 + odd * d);
            c = nonZero(1 + odd / c);
            double delta = d * c;
            result *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return result;
            }
        }
        throw new ArithmeticException("incomplete beta did not converge: x=" + x + ", a=" + a + ", b=" + b);
    }

    private static double nonZero(double value) {
        return Math.abs(value) < TINY ? TINY : value;
    }
}
