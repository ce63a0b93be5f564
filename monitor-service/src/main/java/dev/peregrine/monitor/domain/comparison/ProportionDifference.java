package dev.peregrine.monitor.domain.comparison;

import dev.peregrine.monitor.domain.quality.NormalDistribution;

/**
 * Whether two hit rates differ: the two-proportion z-test with the pooled rate under H0, and the unpooled (Wald)
 * confidence interval of the difference B − A.
 * <p>
 * z = (p̂_B − p̂_A) / √(p̄(1 − p̄)(1/n_A + 1/n_B)), p̄ = (x_A + x_B)/(n_A + n_B);
 * CI = (p̂_B − p̂_A) ± z_{1−α/2} √(p̂_A(1−p̂_A)/n_A + p̂_B(1−p̂_B)/n_B).
 * NaN where undefined: an empty arm; z and p when the pooled rate is 0 or 1 (no variation: p is then 1).
 */
public record ProportionDifference(
        long hitsA,
        long trialsA,
        long hitsB,
        long trialsB,
        double rateA,
        double rateB,
        double difference,
        double z,
        double pValue,
        double confidence,
        double lower,
        double upper) {

    public static ProportionDifference of(long hitsA, long trialsA, long hitsB, long trialsB, double confidence) {
        check(hitsA, trialsA);
        check(hitsB, trialsB);
        double critical = NormalDistribution.twoSidedCritical(confidence);
        if (trialsA == 0 || trialsB == 0) {
            return new ProportionDifference(
                    hitsA,
                    trialsA,
                    hitsB,
                    trialsB,
                    rate(hitsA, trialsA),
                    rate(hitsB, trialsB),
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    confidence,
                    Double.NaN,
                    Double.NaN);
        }
        double pA = rate(hitsA, trialsA);
        double pB = rate(hitsB, trialsB);
        double difference = pB - pA;
        double pooled = (double) (hitsA + hitsB) / (trialsA + trialsB);
        double pooledSe = Math.sqrt(pooled * (1 - pooled) * (1.0 / trialsA + 1.0 / trialsB));
        double z = pooledSe == 0 ? Double.NaN : difference / pooledSe;
        double p = pooledSe == 0 ? 1 : NormalDistribution.twoSidedP(z);
        double se = Math.sqrt(pA * (1 - pA) / trialsA + pB * (1 - pB) / trialsB);
        return new ProportionDifference(
                hitsA,
                trialsA,
                hitsB,
                trialsB,
                pA,
                pB,
                difference,
                z,
                p,
                confidence,
                difference - critical * se,
                difference + critical * se);
    }

    private static double rate(long hits, long trials) {
        return trials == 0 ? Double.NaN : (double) hits / trials;
    }

    private static void check(long hits, long trials) {
        if (trials < 0 || hits < 0 || hits > trials) {
            throw new IllegalArgumentException("need 0 <= hits <= trials: " + hits + "/" + trials);
        }
    }
}
