package dev.peregrine.backtest.research.stats;

/**
 * The standard normal distribution: CDF by Hart's double-precision rational approximation (as published by West,
 * "Better approximations to cumulative normal functions", 2005) and its inverse by Acklam's algorithm with one
 * Halley refinement step.
 */
public final class Normal {

    private Normal() {}

    public static double cdf(double x) {
        double abs = Math.abs(x);
        double tail;
        if (abs > 37.0) {
            tail = 0.0;
        } else {
            double e = Math.exp(-abs * abs / 2.0);
            if (abs < 7.07106781186547) {
                tail = e * horner(HART_NUMERATOR, abs) / horner(HART_DENOMINATOR, abs);
            } else {
                double b = abs + 0.65;
                b = abs + 4.0 / b;
                b = abs + 3.0 / b;
                b = abs + 2.0 / b;
                b = abs + 1.0 / b;
                tail = e / b / 2.506628274631;
            }
        }
        return x > 0 ? 1.0 - tail : tail;
    }

    private static final double[] HART_NUMERATOR = {
        3.52624965998911E-02,
        0.700383064443688,
        6.37396220353165,
        33.912866078383,
        112.079291497871,
        221.213596169931,
        220.206867912376
    };
    private static final double[] HART_DENOMINATOR = {
        8.83883476483184E-02,
        1.75566716318264,
        16.064177579207,
        86.7807322029461,
        296.564248779674,
        637.333633378831,
        793.826512519948,
        440.413735824752
    };

    /** The polynomial with coefficients highest power first, at x. */
    private static double horner(double[] coefficients, double x) {
        double value = coefficients[0];
        for (int i = 1; i < coefficients.length; i++) {
            value = value * x + coefficients[i];
        }
        return value;
    }

    /** The quantile function; p must lie in (0, 1). */
    public static double inverseCdf(double p) {
        if (!(p > 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("p must be within (0, 1): " + p);
        }
        double x = acklam(p);
        double error = cdf(x) - p;
        double u = error * Math.sqrt(2.0 * Math.PI) * Math.exp(x * x / 2.0);
        return x - u / (1.0 + x * u / 2.0);
    }

    private static final double[] A = {
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00
    };
    private static final double[] B = {
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01
    };
    private static final double[] C = {
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00
    };
    private static final double[] D = {
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
    };

    private static double acklam(double p) {
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2.0 * Math.log(p));
            return tail(q);
        }
        if (p > 1.0 - low) {
            double q = Math.sqrt(-2.0 * Math.log(1.0 - p));
            return -tail(q);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
                * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0);
    }

    private static double tail(double q) {
        return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0);
    }
}
