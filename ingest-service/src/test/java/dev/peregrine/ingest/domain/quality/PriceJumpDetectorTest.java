package dev.peregrine.ingest.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PriceJumpDetectorTest {

    @Test
    void theSlidingMadEqualsSortingTheWindowAfterEveryUpdateForOddEvenAndTiedWindows() {
        SplittableRandom random = new SplittableRandom(42);
        for (int window = 2; window <= 40; window++) {
            PriceJumpDetector detector = new PriceJumpDetector(new QualitySettings.PriceJump(window, 2, 10, 0));
            double[] ring = new double[window];
            for (int update = 0; update < 3 * window + 5; update++) {
                // Rounded so that ties, and values equal to the median, are common.
                double value = Math.round(random.nextGaussian() * 4) / 4.0;
                detector.add(value);
                ring[update % window] = value;
                int size = Math.min(update + 1, window);

                assertThat(detector.mad()).isEqualTo(referenceMad(Arrays.copyOf(ring, size)));
            }
        }
    }

    /** Sort, take the median, sort the absolute deviations, take theirs. */
    private static double referenceMad(double[] values) {
        double median = referenceMedian(values);
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return referenceMedian(deviations);
    }

    private static double referenceMedian(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @Test
    void theMadOfTheWindowIgnoresAnOutlierAndForgetsTheOldestReturn() {
        PriceJumpDetector detector = new PriceJumpDetector(new QualitySettings.PriceJump(5, 3, 10, 0));
        assertThat(detector.mad()).isNaN();
        detector.add(0.01);
        detector.add(-0.01);
        assertThat(detector.warm()).isFalse();
        detector.add(0.5);

        assertThat(detector.warm()).isTrue();
        // Median 0.01; deviations 0, 0.02, 0.49: MAD 0.02.
        assertThat(detector.mad()).isCloseTo(0.02, within(1e-12));
        assertThat(detector.bound(detector.mad())).isCloseTo(10 * 1.4826 * 0.02, within(1e-12));

        detector.add(0.02);
        detector.add(0.02);
        detector.add(0.02);
        // The window holds the last five: -0.01, 0.5, 0.02, 0.02, 0.02: median 0.02, deviations 0.03, 0.48, 0, 0, 0.
        assertThat(detector.size()).isEqualTo(5);
        assertThat(detector.mad()).isCloseTo(0, within(1e-12));
    }
}
