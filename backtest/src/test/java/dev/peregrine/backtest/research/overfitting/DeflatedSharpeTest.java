package dev.peregrine.backtest.research.overfitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.backtest.research.stats.ReturnStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeflatedSharpeTest {

    @Test
    void probabilisticSharpeByHand() {
        // z = 0.1 x sqrt(100) / sqrt(1 + (3 - 1) / 4 x 0.01) = 1 / sqrt(1.005)
        assertThat(DeflatedSharpe.probabilisticSharpe(0.1, 0.0, 101, 0.0, 3.0))
                .isCloseTo(0.8407413278013518, within(1e-12));
        assertThat(DeflatedSharpe.probabilisticSharpe(0.1, 0.1, 101, 0.0, 3.0)).isEqualTo(0.5);
    }

    @Test
    void reproducesThePapersNumericalExample() {
        // Bailey & López de Prado 2014, section 4: annual SR 2.5 over 5 years of daily returns (1250), skew -3,
        // kurtosis 10, 100 trials whose annualised Sharpe ratios vary by 0.5: DSR 0.9004
        double sharpe = 2.5 / Math.sqrt(250);
        double benchmark = DeflatedSharpe.expectedMaxSharpe(0.5 / 250, 100);

        assertThat(benchmark * Math.sqrt(250)).isCloseTo(1.7894064662732077, within(1e-9));
        assertThat(DeflatedSharpe.probabilisticSharpe(sharpe, benchmark, 1250, -3, 10))
                .isCloseTo(0.9004, within(5e-5));
    }

    @Test
    void theLuckBenchmarkGrowsWithTheNumberOfTrials() {
        assertThat(DeflatedSharpe.expectedMaxSharpe(1.0, 1)).isZero();
        assertThat(DeflatedSharpe.expectedMaxSharpe(1.0, 100)).isCloseTo(2.5306028932016846, within(1e-10));
        double previous = 0;
        for (int trials : new int[] {2, 5, 10, 100, 1000, 10000}) {
            double benchmark = DeflatedSharpe.expectedMaxSharpe(0.04, trials);
            assertThat(benchmark).isGreaterThan(previous);
            previous = benchmark;
        }
    }

    @Test
    void deflatedSharpeIsBelowTheProbabilisticAndFallsAsTrialsGrow() {
        Random random = new Random(7);
        List<Double> returns = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            returns.add(0.002 + 0.01 * random.nextGaussian());
        }
        ReturnStats chosen = ReturnStats.of(returns);
        double previous = 1.0;
        for (int trials : new int[] {2, 10, 100, 1000}) {
            List<Double> sharpes = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                sharpes.add(0.05 * random.nextGaussian());
            }
            DeflatedSharpe.Result result = DeflatedSharpe.deflate(chosen, sharpes);
            assertThat(result.deflatedSharpe()).isLessThan(result.probabilisticSharpe());
            assertThat(result.deflatedSharpe()).isLessThan(previous);
            previous = result.deflatedSharpe();
        }
    }
}
