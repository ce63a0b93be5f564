package dev.peregrine.backtest.research.stats;

import java.util.List;

/**
 * Moments of a series of returns (per trade or per period), as the overfitting measures need them. With fewer than
 * two returns the dispersion is undefined and reported as 0; Sharpe is then 0 as well.
 *
 * @param count    number of returns
 * @param mean     arithmetic mean
 * @param stdev    sample standard deviation (n - 1)
 * @param sharpe   mean / stdev, not annualised (0 when stdev is 0)
 * @param skewness sample skewness (population moments), 0 when undefined
 * @param kurtosis sample kurtosis, not excess (3 for a normal), 3 when undefined
 * @param hitRate  share of returns above 0
 * @param total    sum of the returns
 */
public record ReturnStats(
        int count,
        double mean,
        double stdev,
        double sharpe,
        double skewness,
        double kurtosis,
        double hitRate,
        double total) {

    public static ReturnStats of(List<Double> returns) {
        double[] values = returns.stream().mapToDouble(Double::doubleValue).toArray();
        return of(values);
    }

    public static ReturnStats of(double[] returns) {
        int n = returns.length;
        if (n == 0) {
            return new ReturnStats(0, 0, 0, 0, 0, 3, 0, 0);
        }
        double sum = 0;
        int hits = 0;
        for (double r : returns) {
            sum += r;
            if (r > 0) {
                hits++;
            }
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double r : returns) {
            double d = r - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        double stdev = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0.0;
        double populationVariance = m2 / n;
        boolean dispersed = populationVariance > 0;
        double skew = dispersed ? (m3 / n) / Math.pow(populationVariance, 1.5) : 0.0;
        double kurt = dispersed ? (m4 / n) / (populationVariance * populationVariance) : 3.0;
        double sharpe = stdev > 0 ? mean / stdev : 0.0;
        return new ReturnStats(n, mean, stdev, sharpe, skew, kurt, (double) hits / n, sum);
    }
}
