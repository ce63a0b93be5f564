package dev.peregrine.monitor.domain.degradation;

import java.time.Instant;
import java.util.Locale;

/**
 * The numbers behind a degradation verdict, carried into the pause reason and the audit record so that an operator
 * can check the decision without re-running it.
 *
 * @param statistic          the CUSUM S_n in standard deviations
 * @param meanReturn         mean net return over the window (fraction)
 * @param standardDeviation  sample standard deviation per trade over the window (fraction)
 * @param windowStart        first outcome considered, null when none
 * @param windowEnd          latest outcome considered, null when none
 */
public record DegradationEvidence(
        String testName,
        double statistic,
        double decisionThreshold,
        double recoveryThreshold,
        double minimumExpectancy,
        double allowance,
        int sampleSize,
        int minimumSample,
        double meanReturn,
        double standardDeviation,
        Instant windowStart,
        Instant windowEnd) {

    public static final String TEST_NAME = "one-sided lower CUSUM of standardised net returns";

    /** One line for a pause reason, e.g. "CUSUM S=15.20 >= h=14.00 (recover <= 7.00), n=212 ...". */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s: S=%.2f (degrade >= %.2f, recover <= %.2f), k=%.2f sd, minimum expectancy %.4f, n=%d"
                        + " (minimum %d), mean %.5f, sd %.5f, window %s..%s",
                testName,
                statistic,
                decisionThreshold,
                recoveryThreshold,
                allowance,
                minimumExpectancy,
                sampleSize,
                minimumSample,
                meanReturn,
                standardDeviation,
                windowStart,
                windowEnd);
    }
}
