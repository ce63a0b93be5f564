package dev.peregrine.monitor.domain.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequiredSampleSizeTest {

    @Test
    void proportionsAtFivePercentAndEightyPercentPower() {
        // z_{0.975} = 1.959964, z_{0.80} = 0.841621, p̄ = 0.525
        // (1.959964·√(2·0.525·0.475) + 0.841621·√(0.45·0.55 + 0.6·0.4))² / 0.15²
        // = (1.959964·0.706222 + 0.841621·0.698212)² / 0.0225 = (1.384170 + 0.587630)² / 0.0225 = 172.80 → 173
        assertThat(RequiredSampleSize.forProportions(0.45, 0.60, 0.05, 0.80)).hasValue(173);
        assertThat(RequiredSampleSize.forProportions(0.60, 0.45, 0.05, 0.80)).hasValue(173);
    }

    @Test
    void meansAtFivePercentAndEightyPercentPower() {
        // (1.959964 + 0.841621)² · (1 + 1) / 0.5² = 7.848879 · 8 = 62.79 → 63 (the textbook 63 per arm for d = 0.5)
        assertThat(RequiredSampleSize.forMeans(0.5, 1, 1, 0.05, 0.80)).hasValue(63);
        assertThat(RequiredSampleSize.forMeans(-0.5, 1, 1, 0.05, 0.80)).hasValue(63);
    }

    @Test
    void noDifferenceCannotBeDetected() {
        assertThat(RequiredSampleSize.forProportions(0.5, 0.5, 0.05, 0.8)).isEmpty();
        assertThat(RequiredSampleSize.forMeans(0, 1, 1, 0.05, 0.8)).isEmpty();
        assertThat(RequiredSampleSize.forMeans(Double.NaN, 1, 1, 0.05, 0.8)).isEmpty();
    }
}
