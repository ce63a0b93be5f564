package dev.peregrine.risk.domain.correlation;

import java.util.OptionalDouble;

/** Pearson's correlation coefficient, two-pass for accuracy on returns that are small and close to each other. */
final class Pearson {

    private Pearson() {}

    /**
     * @return the correlation of the first {@code n} values of {@code x} and {@code y}, clamped to [-1, 1] against
     *         rounding; empty when fewer than two values or either series is constant (the coefficient is undefined)
     */
    static OptionalDouble correlation(double[] x, double[] y, int n) {
        if (n < 2 || x.length < n || y.length < n) {
            return OptionalDouble.empty();
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return OptionalDouble.empty();
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return OptionalDouble.of(Math.max(-1, Math.min(1, r)));
    }
}
