package dev.peregrine.signal.domain.ml;

import java.util.List;
import java.util.Objects;

/**
 * A gradient-boosted tree ensemble for binary classification, evaluated as XGBoost evaluates it, in plain Java (the
 * trading service loads no native library). Built from XGBoost's JSON model format by the adapter that reads it.
 *
 * <p>XGBoost's rules, which this follows exactly: features are single-precision ({@code float}) when compared with a
 * split condition; a row goes left when {@code value < condition}, and when the value is missing ({@code NaN}) it
 * goes the split's default direction; the margin is {@code logit(baseScore)} plus the sum of the reached leaves over
 * every tree; the probability is the logistic of the margin. {@code EvaluatorParityTest} in the
 * backtest module checks the result against XGBoost4J's own predictions.
 *
 * @param baseMargin   the margin every row starts from ({@code logit(base_score)} for {@code binary:logistic})
 * @param featureCount how many features a row has
 * @param featureNames the feature names the model was trained with, in order (empty when the model names none)
 */
public record TreeEnsemble(double baseMargin, int featureCount, List<String> featureNames, List<Tree> trees) {

    public TreeEnsemble {
        Objects.requireNonNull(featureNames, "featureNames");
        featureNames = List.copyOf(featureNames);
        trees = List.copyOf(Objects.requireNonNull(trees, "trees"));
        if (!Double.isFinite(baseMargin)) {
            throw new IllegalArgumentException("base margin must be finite: " + baseMargin);
        }
        if (featureCount < 1) {
            throw new IllegalArgumentException("a model needs at least one feature: " + featureCount);
        }
        if (!featureNames.isEmpty() && featureNames.size() != featureCount) {
            throw new IllegalArgumentException(
                    featureNames.size() + " feature names for " + featureCount + " features");
        }
        for (int t = 0; t < trees.size(); t++) {
            trees.get(t).check(t, featureCount);
        }
    }

    /** {@code log(p / (1 - p))}: the margin of a base score given as a probability. */
    public static double logit(double probability) {
        if (!(probability > 0.0 && probability < 1.0)) {
            throw new IllegalArgumentException("base score must be a probability strictly within 0..1: " + probability);
        }
        return Math.log(probability / (1.0 - probability));
    }

    /** The model's probability for one row of {@link #featureCount} features ({@code NaN} = missing). */
    public double probability(double[] features) {
        return 1.0 / (1.0 + Math.exp(-margin(features)));
    }

    /** The raw margin (log-odds) for one row. */
    public double margin(double[] features) {
        if (features.length != featureCount) {
            throw new IllegalArgumentException("the model takes " + featureCount + " features, not " + features.length);
        }
        double margin = baseMargin;
        for (Tree tree : trees) {
            margin += tree.leaf(features);
        }
        return margin;
    }

    /**
     * One regression tree in XGBoost's array layout: node {@code i} is a leaf when {@code left[i] == -1}, and then
     * {@code value[i]} is its leaf value; otherwise it splits on feature {@code feature[i]} at {@code value[i]}.
     */
    public record Tree(int[] left, int[] right, int[] feature, float[] value, boolean[] defaultLeft) {

        public Tree {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(defaultLeft, "defaultLeft");
            int n = left.length;
            if (n == 0 || right.length != n || feature.length != n || value.length != n || defaultLeft.length != n) {
                throw new IllegalArgumentException("a tree's node arrays must be non-empty and of one length");
            }
            left = left.clone();
            right = right.clone();
            feature = feature.clone();
            value = value.clone();
            defaultLeft = defaultLeft.clone();
        }

        double leaf(double[] features) {
            int node = 0;
            while (left[node] != -1) {
                double x = features[feature[node]];
                if (Double.isNaN(x)) {
                    node = defaultLeft[node] ? left[node] : right[node];
                } else {
                    // XGBoost holds features as float: compare in float, or a value just under a cut goes the wrong
                    // way.
                    node = (float) x < value[node] ? left[node] : right[node];
                }
            }
            return value[node];
        }

        /** Every child index points forward inside the tree (so evaluation ends) and every split names a feature. */
        void check(int index, int featureCount) {
            for (int i = 0; i < left.length; i++) {
                if (left[i] == -1) {
                    if (!Float.isFinite(value[i])) {
                        throw new IllegalArgumentException("tree " + index + " leaf " + i + " has no finite value");
                    }
                    continue;
                }
                if (left[i] <= i || right[i] <= i || left[i] >= left.length || right[i] >= left.length) {
                    throw new IllegalArgumentException(
                            "tree " + index + " node " + i + " has children outside the tree");
                }
                if (feature[i] < 0 || feature[i] >= featureCount) {
                    throw new IllegalArgumentException("tree " + index + " node " + i + " splits on feature "
                            + feature[i] + " of " + featureCount);
                }
            }
        }
    }
}
