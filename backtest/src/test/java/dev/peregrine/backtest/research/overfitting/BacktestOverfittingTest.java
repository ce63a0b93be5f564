package dev.peregrine.backtest.research.overfitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BacktestOverfittingTest {

    @Test
    void twoTrialsTwoPartitionsByHand() {
        // A: halves [1, 2] (SR 2.12) and [-1, 0] (SR -0.71); B: [0, 1] (SR 0.71) and [1, 3] (SR 1.41).
        // First half in sample: A wins, then ranks last out of sample and loses. Second half in sample: B wins,
        // then ranks last out of sample (0.71 < 2.12) but gains. Both splits overfit: PBO 1, P(loss) 0.5,
        // logit ln((1/3) / (2/3)) = ln 0.5 each.
        double[][] m = {{1, 0}, {2, 1}, {-1, 1}, {0, 3}};

        PboResult result = BacktestOverfitting.estimate(m, 2);

        assertThat(result.combinations()).isEqualTo(2);
        assertThat(result.probabilityOfOverfitting()).isEqualTo(1.0);
        assertThat(result.probabilityOfLoss()).isEqualTo(0.5);
        assertThat(result.meanLogit()).isCloseTo(Math.log(0.5), within(1e-12));
    }

    @Test
    void aStrategyThatDominatesInEveryPeriodIsNotOverfit() {
        Random random = new Random(11);
        double[][] m = new double[160][20];
        for (double[] row : m) {
            for (int t = 0; t < row.length; t++) {
                row[t] = random.nextGaussian() + (t == 7 ? 3.0 : 0.0);
            }
        }

        PboResult result = BacktestOverfitting.estimate(m, 16);

        assertThat(result.combinations()).isEqualTo(12870);
        assertThat(result.probabilityOfOverfitting()).isZero();
        assertThat(result.probabilityOfLoss()).isZero();
    }

    @Test
    void choosingAmongPureNoiseIsOverfitAboutHalfTheTime() {
        // one data set's PBO varies a lot (its splits share data): average over 20 independent data sets
        Random random = new Random(3);
        double sum = 0;
        double loss = 0;
        for (int set = 0; set < 20; set++) {
            double[][] m = new double[200][50];
            for (double[] row : m) {
                for (int t = 0; t < row.length; t++) {
                    row[t] = random.nextGaussian();
                }
            }
            PboResult result = BacktestOverfitting.estimate(m, 10);
            sum += result.probabilityOfOverfitting();
            loss += result.probabilityOfLoss();
        }

        assertThat(sum / 20).isBetween(0.4, 0.65);
        assertThat(loss / 20).isBetween(0.3, 0.7);
    }

    @Test
    void relativeRankAveragesTiesAndScalesIntoTheOpenUnitInterval() {
        assertThat(BacktestOverfitting.relativeRank(new double[] {1, 2, 3}, 2)).isEqualTo(0.75);
        assertThat(BacktestOverfitting.relativeRank(new double[] {1, 2, 3}, 0)).isEqualTo(0.25);
        assertThat(BacktestOverfitting.relativeRank(new double[] {2, 2, 3}, 0)).isEqualTo(1.5 / 4);
    }

    @Test
    void refusesOddPartitionsTooFewPeriodsAndASingleTrial() {
        assertThatThrownBy(() -> BacktestOverfitting.estimate(new double[20][3], 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BacktestOverfitting.estimate(new double[7][3], 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BacktestOverfitting.estimate(new double[20][1], 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
