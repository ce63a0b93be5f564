package dev.peregrine.backtest.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassifierMetricsTest {

    @Test
    void aucCountsCorrectlyOrderedPairsWithTiesAsHalf() {
        // positives 0.8, 0.4; negatives 0.6, 0.4, 0.1: pairs (0.8>0.6, 0.8>0.4, 0.8>0.1, 0.4<0.6, 0.4=0.4, 0.4>0.1) =
        // 4.5 of 6
        ClassifierMetrics m = ClassifierMetrics.of(new double[] {0.8, 0.6, 0.4, 0.4, 0.1}, new float[] {1, 0, 1, 0, 0});

        assertThat(m.auc()).isCloseTo(4.5 / 6, within(1e-12));
        assertThat(m.positives()).isEqualTo(2);
        assertThat(m.baseRate()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void logLossAgainstTheBaseRateBaseline() {
        double[] p = {0.4, 0.4, 0.4, 0.4, 0.4};
        ClassifierMetrics m = ClassifierMetrics.of(p, new float[] {1, 0, 1, 0, 0});

        double expected = -(2 * Math.log(0.4) + 3 * Math.log(0.6)) / 5;
        assertThat(m.logLoss()).isCloseTo(expected, within(1e-12));
        assertThat(m.baselineLogLoss()).isCloseTo(expected, within(1e-12));
        assertThat(m.auc()).isEqualTo(0.5);
    }
}
