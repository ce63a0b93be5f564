package dev.peregrine.signal.adapter.out.ml;

import dev.peregrine.signal.domain.ml.MlFeatures;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Hand-written models in XGBoost's JSON model format over {@link MlFeatures}: depth-one trees (stumps), written as
 * XGBoost writes them, for tests that need a model without training one. Trained models are checked against
 * XGBoost4J in the backtest module.
 */
public final class XgboostJsonSamples {

    /** A stump: {@code feature < cut} (missing goes left when {@code missingLeft}) gives {@code left}, else {@code right}. */
    public record Stump(String feature, float cut, boolean missingLeft, float left, float right) {}

    private XgboostJsonSamples() {}

    public static String model(double baseScore, List<Stump> stumps) {
        StringBuilder trees = new StringBuilder();
        for (int i = 0; i < stumps.size(); i++) {
            Stump s = stumps.get(i);
            int feature = MlFeatures.NAMES.indexOf(s.feature());
            if (feature < 0) {
                throw new IllegalArgumentException("no feature " + s.feature());
            }
            trees.append(i == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            """
                    {"base_weights": [0, %2$s, %3$s], "categories": [], "categories_nodes": [], "categories_segments": [],
                     "categories_sizes": [], "default_left": [%4$d, 0, 0], "id": %5$d,
                     "left_children": [1, -1, -1], "right_children": [2, -1, -1], "parents": [2147483647, 0, 0],
                     "loss_changes": [1, 0, 0], "split_conditions": [%1$s, %2$s, %3$s],
                     "split_indices": [%6$d, 0, 0], "split_type": [0, 0, 0], "sum_hessian": [2, 1, 1],
                     "tree_param": {"num_deleted": "0", "num_feature": "%7$d", "num_nodes": "3", "size_leaf_vector": "1"}}
                    """,
                            Float.toString(s.cut()),
                            Float.toString(s.left()),
                            Float.toString(s.right()),
                            s.missingLeft() ? 1 : 0,
                            i,
                            feature,
                            MlFeatures.COUNT));
        }
        String names = MlFeatures.NAMES.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
        String types = MlFeatures.NAMES.stream().map(n -> "\"float\"").collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT, """
                {"learner": {"attributes": {}, "feature_names": [%1$s], "feature_types": [%2$s],
                  "gradient_booster": {"model": {"gbtree_model_param": {"num_parallel_tree": "1", "num_trees": "%3$d"},
                    "iteration_indptr": [], "tree_info": [], "trees": [%4$s]}, "name": "gbtree"},
                  "learner_model_param": {"base_score": "[%5$s]", "boost_from_average": "1", "num_class": "0",
                    "num_feature": "%6$d", "num_target": "1"},
                  "objective": {"name": "binary:logistic", "reg_loss_param": {"scale_pos_weight": "1"}}},
                 "version": [3, 0, 0]}
                """, names, types, stumps.size(), trees, Double.toString(baseScore), MlFeatures.COUNT);
    }
}
