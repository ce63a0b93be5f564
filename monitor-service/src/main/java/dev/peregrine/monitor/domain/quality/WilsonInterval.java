package dev.peregrine.monitor.domain.quality;

/**
 * Wilson score interval for a hit rate: unlike the Wald interval it stays inside [0, 1] and keeps its coverage for
 * small samples and rates near 0 or 1, which is where a new or failing strategy lives.
 * <p>
 * centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²).
 * With no trials the interval is the uninformative [0, 1] around a NaN rate.
 */
public record WilsonInterval(long successes, long trials, double confidence, double rate, double lower, double upper) {

    public static WilsonInterval of(long successes, long trials, double confidence) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials: " + successes + "/" + trials);
        }
        double z = NormalDistribution.twoSidedCritical(confidence);
        if (trials == 0) {
            return new WilsonInterval(0, 0, confidence, Double.NaN, 0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new WilsonInterval(
                successes, trials, confidence, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
