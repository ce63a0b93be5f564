package dev.peregrine.backtest.ml;

import dev.peregrine.signal.domain.ml.MlFeatures;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Fits the ML filter's model with XGBoost4J: gradient-boosted trees, {@code binary:logistic}, deterministic (fixed
 * seed, one thread, no row or column sampling), so the same rows give the same model byte for byte.
 */
public final class ModelTrainer {

    /**
     * @param rounds        boosting rounds (trees)
     * @param maxDepth      depth of each tree
     * @param learningRate  shrinkage of each tree's contribution
     * @param minChildWeight the least hessian a leaf may hold (larger: fewer, steadier splits)
     * @param seed          XGBoost's seed
     */
    public record Parameters(int rounds, int maxDepth, double learningRate, double minChildWeight, int seed) {

        public static final Parameters DEFAULTS = new Parameters(200, 3, 0.05, 20, 42);

        Map<String, Object> xgboost() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("objective", "binary:logistic");
            p.put("eval_metric", "logloss");
            p.put("max_depth", maxDepth);
            p.put("eta", learningRate);
            p.put("min_child_weight", minChildWeight);
            p.put("subsample", 1.0);
            p.put("colsample_bytree", 1.0);
            p.put("tree_method", "hist");
            p.put("seed", seed);
            p.put("nthread", 1);
            p.put("verbosity", 0);
            return p;
        }
    }

    /** A fitted model: its XGBoost JSON and the booster, to predict with XGBoost itself. */
    public record Fitted(Booster booster, String modelJson) {

        public Fitted {
            Objects.requireNonNull(booster, "booster");
            Objects.requireNonNull(modelJson, "modelJson");
        }

        /** XGBoost's own probabilities for these rows. */
        public double[] predict(List<LabelledSignal> rows) {
            try {
                DMatrix matrix = matrix(rows);
                try {
                    float[][] predictions = booster.predict(matrix);
                    double[] p = new double[predictions.length];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = predictions[i][0];
                    }
                    return p;
                } finally {
                    matrix.dispose();
                }
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
            }
        }
    }

    private final Parameters parameters;

    public ModelTrainer(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public Fitted fit(List<LabelledSignal> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to train on");
        }
        try {
            DMatrix train = matrix(rows);
            try {
                Booster booster = XGBoost.train(train, parameters.xgboost(), parameters.rounds(), Map.of(), null, null);
                booster.setFeatureNames(MlFeatures.NAMES.toArray(String[]::new));
                return new Fitted(booster, new String(booster.toByteArray("json"), StandardCharsets.UTF_8));
            } finally {
                train.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not train: " + e.getMessage(), e);
        }
    }

    /** The rows as XGBoost's dense matrix: features as float, NaN = missing, named as the schema names them. */
    static DMatrix matrix(List<LabelledSignal> rows) throws XGBoostError {
        int columns = MlFeatures.COUNT;
        float[] data = new float[rows.size() * columns];
        float[] labels = new float[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            double[] x = rows.get(r).features();
            for (int c = 0; c < columns; c++) {
                data[r * columns + c] = (float) x[c];
            }
            labels[r] = rows.get(r).label();
        }
        DMatrix matrix = new DMatrix(data, rows.size(), columns, Float.NaN);
        matrix.setLabel(labels);
        matrix.setFeatureNames(MlFeatures.NAMES.toArray(String[]::new));
        return matrix;
    }
}
