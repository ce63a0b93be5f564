package dev.peregrine.backtest.research.overfitting;

import dev.peregrine.backtest.research.stats.Normal;
import dev.peregrine.backtest.research.stats.ReturnStats;
import java.util.List;

/**
 * The probabilistic and the deflated Sharpe ratio (Bailey and López de Prado, "The Deflated Sharpe Ratio", 2014).
 * PSR is the probability that the true Sharpe exceeds a benchmark given the sample's length, skewness and kurtosis;
 * DSR is the PSR against the Sharpe the best of N unskilled trials would reach by luck, so it falls as the number
 * of trials grows. Sharpe ratios are per observation (not annualised), like the returns they come from.
 */
public final class DeflatedSharpe {

    private static final double EULER_MASCHERONI = 0.5772156649015329;

    private DeflatedSharpe() {}

    /** PSR(benchmark): eq. 2 of the paper; kurtosis is the plain (not excess) one. */
    public static double probabilisticSharpe(
            double sharpe, double benchmark, int observations, double skewness, double kurtosis) {
        if (observations < 2) {
            throw new IllegalArgumentException("a Sharpe ratio needs at least 2 observations: " + observations);
        }
        double variance = sharpeVarianceFactor(sharpe, skewness, kurtosis);
        if (!(variance > 0)) {
            throw new IllegalArgumentException("skewness " + skewness + " and kurtosis " + kurtosis
                    + " give no positive Sharpe variance at Sharpe " + sharpe);
        }
        return Normal.cdf((sharpe - benchmark) * Math.sqrt(observations - 1.0) / Math.sqrt(variance));
    }

    /**
     * 1 - skew SR + (kurt - 1) / 4 SR^2: the Sharpe estimate's variance times (n - 1). Never negative by Pearson's
     * inequality; 0 only for two-point return distributions, where PSR is undefined.
     */
    public static double sharpeVarianceFactor(double sharpe, double skewness, double kurtosis) {
        return 1.0 - skewness * sharpe + (kurtosis - 1.0) / 4.0 * sharpe * sharpe;
    }

    /**
     * The expected maximum Sharpe of {@code trials} independent unskilled trials whose Sharpe ratios vary with
     * {@code trialSharpeVariance}: sqrt(V) ((1 - g) Z(1 - 1/N) + g Z(1 - 1/(N e))), g the Euler-Mascheroni constant.
     */
    public static double expectedMaxSharpe(double trialSharpeVariance, int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1: " + trials);
        }
        if (trials == 1) {
            return 0.0;
        }
        double n = trials;
        return Math.sqrt(trialSharpeVariance)
                * ((1.0 - EULER_MASCHERONI) * Normal.inverseCdf(1.0 - 1.0 / n)
                        + EULER_MASCHERONI * Normal.inverseCdf(1.0 - 1.0 / (n * Math.E)));
    }

    /** DSR of the chosen strategy's returns, deflated by all trials' Sharpe ratios (the chosen one included). */
    public static Result deflate(ReturnStats chosen, List<Double> trialSharpes) {
        int trials = trialSharpes.size();
        double variance = ReturnStats.of(trialSharpes).stdev();
        variance = variance * variance;
        double benchmark = expectedMaxSharpe(variance, Math.max(1, trials));
        double psr = probabilisticSharpe(chosen.sharpe(), 0.0, chosen.count(), chosen.skewness(), chosen.kurtosis());
        double dsr =
                probabilisticSharpe(chosen.sharpe(), benchmark, chosen.count(), chosen.skewness(), chosen.kurtosis());
        return new Result(chosen.sharpe(), chosen.count(), trials, variance, benchmark, psr, dsr);
    }

    /**
     * @param sharpe              the chosen strategy's per-observation Sharpe
     * @param observations        its number of returns
     * @param trials              how many configurations were tried
     * @param trialSharpeVariance variance of the trials' Sharpe ratios
     * @param expectedMaxSharpe   the Sharpe the best unskilled trial reaches by luck (DSR's benchmark)
     * @param probabilisticSharpe PSR against 0
     * @param deflatedSharpe      PSR against {@code expectedMaxSharpe}; above 0.95 is the paper's bar
     */
    public record Result(
            double sharpe,
            int observations,
            int trials,
            double trialSharpeVariance,
            double expectedMaxSharpe,
            double probabilisticSharpe,
            double deflatedSharpe) {}
}
