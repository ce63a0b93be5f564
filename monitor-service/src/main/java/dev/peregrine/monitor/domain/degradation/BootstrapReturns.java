package dev.peregrine.monitor.domain.degradation;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Net returns resampled with replacement from an observed sample, re-centred to a chosen mean: keeps the sample's
 * real shape (skew, tails) while fixing the edge the simulation is about.
 */
public final class BootstrapReturns implements ReturnModel {

    private final double[] centred;
    private final double mean;

    public BootstrapReturns(double[] sample, double mean) {
        if (sample.length < 2) {
            throw new IllegalArgumentException("bootstrap needs at least two returns");
        }
        double sampleMean = Arrays.stream(sample).average().orElseThrow();
        this.centred = Arrays.stream(sample).map(r -> r - sampleMean).toArray();
        this.mean = mean;
    }

    @Override
    public double next(SplittableRandom random) {
        return mean + centred[random.nextInt(centred.length)];
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "bootstrap of %d returns re-centred to mean %.5f", centred.length, mean);
    }
}
