package dev.peregrine.backtest.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.signal.adapter.out.ml.XgboostJsonReader;
import dev.peregrine.signal.domain.ml.MlFeatures;
import dev.peregrine.signal.domain.ml.MlModel;
import dev.peregrine.signal.domain.ml.TreeEnsemble;
import dev.peregrine.testkit.SharedData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * signal-service's pure-Java evaluator gives XGBoost4J's own predictions (within 1e-6) for models XGBoost4J trained and
 * saved as JSON: on generated rows where a quarter of the values are missing (each split's default direction), and on
 * the real signals of the chain over BTCUSDT 15m (skipped without ../shared/data).
 */
class EvaluatorParityTest {

    private static final double TOLERANCE = 1e-6;

    /** Rows with a known dependence on a few features, values spread over several scales, 25 % missing. */
    private static List<LabelledSignal> generated(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledSignal> rows = new ArrayList<>(count);
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        for (int r = 0; r < count; r++) {
            double[] x = new double[MlFeatures.COUNT];
            for (int c = 0; c < x.length; c++) {
                x[c] = random.nextDouble() < 0.25 ? Double.NaN : random.nextGaussian() * Math.pow(10, (c % 5) - 2);
            }
            double signal = (Double.isNaN(x[2]) ? 0 : x[2] * 10)
                    - (Double.isNaN(x[5]) ? 0.5 : x[5] * 100)
                    + random.nextGaussian();
            rows.add(new LabelledSignal(t, t.plusSeconds(1), "GEN", "momentum", x, signal));
        }
        return rows;
    }

    private static void assertSamePredictions(ModelTrainer.Fitted fitted, List<LabelledSignal> rows) {
        TreeEnsemble ensemble = new XgboostJsonReader().read(fitted.modelJson());
        MlModel.requireSchema(ensemble);
        double[] xgboost = fitted.predict(rows);
        int missing = 0;
        for (int i = 0; i < rows.size(); i++) {
            double[] x = rows.get(i).features();
            for (double v : x) {
                missing += Double.isNaN(v) ? 1 : 0;
            }
            assertThat(ensemble.probability(x))
                    .as("row %d", i)
                    .isCloseTo(xgboost[i], org.assertj.core.api.Assertions.within(TOLERANCE));
        }
        assertThat(missing).as("rows with missing values were compared").isPositive();
        assertThat(ensemble.featureNames()).isEqualTo(MlFeatures.NAMES);
    }

    @Test
    void theJavaEvaluatorPredictsAsXgboostOnRowsWithMissingValues() {
        ModelTrainer.Fitted fitted =
                new ModelTrainer(new ModelTrainer.Parameters(60, 4, 0.1, 1, 7)).fit(generated(3000, 1));

        assertSamePredictions(fitted, generated(3000, 1));
        assertSamePredictions(fitted, generated(2000, 2));
        // the model is not a constant: the comparison can fail
        double[] p = fitted.predict(generated(200, 3));
        assertThat(java.util.Arrays.stream(p).distinct().count()).isGreaterThan(20);
    }

    @Test
    void trainingIsDeterministic() {
        List<LabelledSignal> rows = generated(1500, 4);
        ModelTrainer trainer = new ModelTrainer(new ModelTrainer.Parameters(30, 3, 0.1, 1, 7));

        assertThat(trainer.fit(rows).modelJson()).isEqualTo(trainer.fit(rows).modelJson());
    }

    @Test
    void theJavaEvaluatorPredictsAsXgboostOnTheChainsRealSignals() {
        KlineSeries btc = KlineSeries.read(
                SharedData.require("binance/klines/BTCUSDT-15m.csv.gz"),
                Instant.parse("2023-01-02T00:00:00Z"),
                Instant.parse("2023-04-01T00:00:00Z"),
                Integer.MAX_VALUE);
        BacktestConfig config = BacktestConfig.serviceDefaults();
        List<LabelledSignal> rows = new SignalDataset(config, Duration.ofHours(4))
                .rows(btc, Instant.parse("2023-01-02T00:00:00Z"), Instant.parse("2023-04-01T00:00:00Z"));
        assertThat(rows).hasSizeGreaterThan(500);

        assertSamePredictions(new ModelTrainer(ModelTrainer.Parameters.DEFAULTS).fit(rows), rows);
    }
}
