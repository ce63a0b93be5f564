package dev.peregrine.ingest.domain.quality;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PriceJumpDetectorTest {

    @Test
    void selectionFindsTheSameMedianAsSortingForOddEvenAndTiedInputs() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 1; n <= 60; n++) {
            for (int round = 0; round < 20; round++) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    // Rounded so that ties, which trip up partitioning, are common.
                    values[i] = Math.round(random.nextGaussian() * 4) / 4.0;
                }
                double[] sorted = values.clone();
                Arrays.sort(sorted);
                double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;

                assertThat(PriceJumpDetector.median(values.clone(), n)).isEqualTo(expected);
            }
        }
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
