package dev.peregrine.backtest.report;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * The annualised Sharpe ratio of daily returns with a zero risk-free rate: mean / sample standard deviation times
 * the square root of 365 (crypto markets trade every day). Empty below two returns or when they never vary.
 */
public final class SharpeRatio {

    public static final double DAYS_PER_YEAR = 365.0;

    private SharpeRatio() {}

    public static OptionalDouble annualised(Collection<Double> dailyReturns) {
        int n = dailyReturns.size();
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double mean = dailyReturns.stream().mapToDouble(Double::doubleValue).sum() / n;
        double squares =
                dailyReturns.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum();
        double deviation = Math.sqrt(squares / (n - 1));
        if (deviation == 0.0 || Double.isNaN(deviation)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(mean / deviation * Math.sqrt(DAYS_PER_YEAR));
    }
}
