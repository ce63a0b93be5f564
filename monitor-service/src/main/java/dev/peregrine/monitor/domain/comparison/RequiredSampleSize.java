package dev.peregrine.monitor.domain.comparison;

import dev.peregrine.monitor.domain.quality.NormalDistribution;
import java.util.OptionalLong;

/**
 * How many outcomes per arm a two-sided test at level α needs to detect a given difference with a given power —
 * tells an operator whether a "no significant difference" means "no difference" or "not enough data yet".
 * Normal approximations, equal arms, rounded up; empty when the difference is 0 (undetectable).
 */
public final class RequiredSampleSize {

    private RequiredSampleSize() {}

    /**
     * Two proportions: n = (z_{1−α/2}·√(2p̄(1−p̄)) + z_{1−β}·√(p_A(1−p_A) + p_B(1−p_B)))² / (p_B − p_A)²,
     * p̄ = (p_A + p_B)/2.
     */
    public static OptionalLong forProportions(double rateA, double rateB, double alpha, double power) {
        checkRate(rateA);
        checkRate(rateB);
        double difference = rateB - rateA;
        if (difference == 0) {
            return OptionalLong.empty();
        }
        double mean = (rateA + rateB) / 2;
        double numerator = zAlpha(alpha) * Math.sqrt(2 * mean * (1 - mean))
                + zPower(power) * Math.sqrt(rateA * (1 - rateA) + rateB * (1 - rateB));
        return OptionalLong.of((long) Math.ceil(numerator * numerator / (difference * difference)));
    }

    /** Two means: n = (z_{1−α/2} + z_{1−β})²·(s_A² + s_B²) / δ². */
    public static OptionalLong forMeans(
            double difference, double standardDeviationA, double standardDeviationB, double alpha, double power) {
        if (difference == 0 || !Double.isFinite(difference)) {
            return OptionalLong.empty();
        }
        if (!(standardDeviationA >= 0 && standardDeviationB >= 0)) {
            return OptionalLong.empty();
        }
        double z = zAlpha(alpha) + zPower(power);
        double variance = standardDeviationA * standardDeviationA + standardDeviationB * standardDeviationB;
        return OptionalLong.of(Math.max(2, (long) Math.ceil(z * z * variance / (difference * difference))));
    }

    private static double zAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be within (0, 1): " + alpha);
        }
        return NormalDistribution.quantile(1 - alpha / 2);
    }

    private static double zPower(double power) {
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be within (0, 1): " + power);
        }
        return NormalDistribution.quantile(power);
    }

    private static void checkRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be within 0..1: " + rate);
        }
    }
}
