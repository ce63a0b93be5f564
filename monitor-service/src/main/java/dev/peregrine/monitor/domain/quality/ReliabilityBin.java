package dev.peregrine.monitor.domain.quality;

/**
 * One row of a reliability table: the outcomes whose confidence fell in [lower, upper) (the last bin includes 1),
 * what they were promised on average and how often they hit.
 *
 * @param meanConfidence average stated confidence in the bin, NaN when empty
 * @param hitRate        realised hit rate with its Wilson interval
 */
public record ReliabilityBin(double lower, double upper, int count, double meanConfidence, WilsonInterval hitRate) {

    /** Realised minus promised: negative means over-confident. NaN when the bin is empty. */
    public double gap() {
        return hitRate.rate() - meanConfidence;
    }
}
