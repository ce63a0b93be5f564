package dev.peregrine.monitor.domain.quality;

/**
 * Count, mean and unbiased variance of a sample (Welford's update, stable for long series of small returns), shared
 * by the quality statistics, the Welch test and the weight proposal.
 *
 * @param variance sample variance with n − 1 in the denominator; NaN for fewer than two values
 */
public record SampleMoments(int count, double mean, double variance) {

    public static SampleMoments of(double[] values) {
        int n = 0;
        double mean = 0;
        double sumSquares = 0;
        for (double value : values) {
            n++;
            double delta = value - mean;
            mean += delta / n;
            sumSquares += delta * (value - mean);
        }
        return new SampleMoments(n, n == 0 ? Double.NaN : mean, n < 2 ? Double.NaN : Math.max(0, sumSquares / (n - 1)));
    }

    public double standardDeviation() {
        return Math.sqrt(variance);
    }

    /** Standard error of the mean, s/√n; NaN for fewer than two values. */
    public double standardError() {
        return Math.sqrt(variance / count);
    }
}
