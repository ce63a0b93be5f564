package dev.peregrine.backtest.research.calibration;

import java.util.List;

/**
 * Platt scaling: P(hit | s) = 1 / (1 + exp(A s + B)), fitted by maximum likelihood with Newton's method and a
 * backtracking line search (Lin, Lin and Weng, "A note on Platt's probabilistic outputs", 2007). With
 * {@code smoothTargets} the hits and misses are fitted as Platt's targets (N+ + 1) / (N+ + 2) and 1 / (N- + 2)
 * instead of 1 and 0, which keeps the fit finite when the scores separate the outcomes.
 *
 * @param a slope (negative when higher scores hit more often)
 * @param b intercept
 */
public record PlattCalibrator(double a, double b) implements Calibrator {

    private static final int MAX_ITERATIONS = 200;
    private static final double GRADIENT_TOLERANCE = 1e-11;
    private static final double MIN_STEP = 1e-12;
    private static final double RIDGE = 1e-12;

    @Override
    public double probability(double score) {
        double f = a * score + b;
        return f >= 0 ? Math.exp(-f) / (1.0 + Math.exp(-f)) : 1.0 / (1.0 + Math.exp(f));
    }

    public static PlattCalibrator fit(List<ScoredOutcome> training, boolean smoothTargets) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("Platt scaling needs at least one outcome");
        }
        double hits = training.stream().filter(ScoredOutcome::hit).count();
        double misses = training.size() - hits;
        double hiTarget = smoothTargets ? (hits + 1.0) / (hits + 2.0) : 1.0;
        double loTarget = smoothTargets ? 1.0 / (misses + 2.0) : 0.0;
        double[] s = training.stream().mapToDouble(ScoredOutcome::score).toArray();
        double[] t = training.stream()
                .mapToDouble(o -> o.hit() ? hiTarget : loTarget)
                .toArray();
        double a = 0.0;
        double b = Math.log((misses + 1.0) / (hits + 1.0));
        double value = negativeLogLikelihood(s, t, a, b);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double h11 = RIDGE;
            double h22 = RIDGE;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < s.length; i++) {
                double p = new PlattCalibrator(a, b).probability(s[i]);
                double d2 = p * (1.0 - p);
                h11 += s[i] * s[i] * d2;
                h22 += d2;
                h21 += s[i] * d2;
                double d1 = t[i] - p;
                g1 += s[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < GRADIENT_TOLERANCE && Math.abs(g2) < GRADIENT_TOLERANCE) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double descent = g1 * da + g2 * db;
            double step = 1.0;
            while (step >= MIN_STEP) {
                double next = negativeLogLikelihood(s, t, a + step * da, b + step * db);
                if (next < value + 1e-4 * step * descent) {
                    a += step * da;
                    b += step * db;
                    value = next;
                    break;
                }
                step /= 2.0;
            }
            if (step < MIN_STEP) {
                break;
            }
        }
        return new PlattCalibrator(a, b);
    }

    private static double negativeLogLikelihood(double[] s, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            double f = s[i] * a + b;
            sum += f >= 0 ? t[i] * f + Math.log1p(Math.exp(-f)) : (t[i] - 1.0) * f + Math.log1p(Math.exp(f));
        }
        return sum;
    }
}
