package dev.peregrine.signal.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.signal.domain.ml.TreeEnsemble;
import org.junit.jupiter.api.Test;

/**
 * XGBoost's JSON model format read into the evaluator: two hand-written trees over three features, whose predictions
 * are derived below by following XGBoost's rules (go left when value &lt; condition, missing goes the default way, margin
 * = logit(base score) + leaves). The backtest module checks the evaluator against XGBoost4J itself on trained models.
 */
class XgboostJsonReaderTest {

    /** Tree 0: f0 < 0.5 (missing right) ? -0.4 : f2 < 2 (missing left) ? 0.1 : 0.3. Tree 1: f1 < -1 (missing left) ? 0.2 : -0.05. */
    static final String MODEL = """
            {"learner": {
              "attributes": {}, "feature_names": ["a", "b", "c"], "feature_types": ["float", "float", "float"],
              "gradient_booster": {"model": {"gbtree_model_param": {"num_parallel_tree": "1", "num_trees": "2"},
                "iteration_indptr": [0, 1, 2], "tree_info": [0, 0], "trees": [
                {"base_weights": [0, 0, 0, 0, 0], "categories": [], "categories_nodes": [], "categories_segments": [],
                 "categories_sizes": [], "default_left": [0, 0, 1, 0, 0], "id": 0,
                 "left_children": [1, -1, 3, -1, -1], "right_children": [2, -1, 4, -1, -1], "parents": [2147483647, 0, 0, 2, 2],
                 "loss_changes": [1, 0, 1, 0, 0], "split_conditions": [5E-1, -4E-1, 2E0, 1E-1, 3E-1],
                 "split_indices": [0, 0, 2, 0, 0], "split_type": [0, 0, 0, 0, 0], "sum_hessian": [4, 2, 2, 1, 1],
                 "tree_param": {"num_deleted": "0", "num_feature": "3", "num_nodes": "5", "size_leaf_vector": "1"}},
                {"base_weights": [0, 0, 0], "categories": [], "categories_nodes": [], "categories_segments": [],
                 "categories_sizes": [], "default_left": [1, 0, 0], "id": 1,
                 "left_children": [1, -1, -1], "right_children": [2, -1, -1], "parents": [2147483647, 0, 0],
                 "loss_changes": [1, 0, 0], "split_conditions": [-1E0, 2E-1, -5E-2],
                 "split_indices": [1, 0, 0], "split_type": [0, 0, 0], "sum_hessian": [4, 2, 2],
                 "tree_param": {"num_deleted": "0", "num_feature": "3", "num_nodes": "3", "size_leaf_vector": "1"}}]},
                "name": "gbtree"},
              "learner_model_param": {"base_score": "[2.5E-1]", "boost_from_average": "1", "num_class": "0",
                "num_feature": "3", "num_target": "1"},
              "objective": {"name": "binary:logistic", "reg_loss_param": {"scale_pos_weight": "1"}}},
             "version": [3, 0, 0]}
            """;

    private final XgboostJsonReader reader = new XgboostJsonReader();

    private static double expected(double margin) {
        return 1.0 / (1.0 + Math.exp(-(Math.log(0.25 / 0.75) + margin)));
    }

    @Test
    void readsTheTreesAndPredictsAsXgboostDoes() {
        TreeEnsemble model = reader.read(MODEL);

        assertThat(model.featureCount()).isEqualTo(3);
        assertThat(model.featureNames()).containsExactly("a", "b", "c");
        assertThat(model.trees()).hasSize(2);
        assertThat(model.probability(new double[] {0.2, 0, 0})).isCloseTo(expected(-0.4f + -0.05f), within(1e-7));
        assertThat(model.probability(new double[] {0.9, -3, 5})).isCloseTo(expected(0.3f + 0.2f), within(1e-7));
        assertThat(model.probability(new double[] {0.9, 0, 1})).isCloseTo(expected(0.1f - 0.05f), within(1e-7));
        // exactly at a condition goes right
        assertThat(model.probability(new double[] {0.5, -1, 2})).isCloseTo(expected(0.3f - 0.05f), within(1e-7));
        // missing values take each split's default direction: f0 right, f2 left, f1 left
        assertThat(model.probability(new double[] {Double.NaN, Double.NaN, Double.NaN}))
                .isCloseTo(expected(0.1f + 0.2f), within(1e-7));
    }

    @Test
    void theOlderScalarBaseScoreIsReadToo() {
        assertThat(XgboostJsonReader.baseScore("5E-1")).isEqualTo(0.5);
        assertThat(XgboostJsonReader.baseScore("[5E-1]")).isEqualTo(0.5);
    }

    @Test
    void whatTheEvaluatorCannotReproduceIsRefusedWithTheReason() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reader.read("not json"))
                .withMessageContaining("not JSON");
        assertThatIllegalArgumentException().isThrownBy(() -> reader.read("{}")).withMessageContaining("no 'learner'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reader.read(MODEL.replace("binary:logistic", "reg:squarederror")))
                .withMessageContaining("objective reg:squarederror is not supported");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reader.read(MODEL.replace("\"split_type\": [0, 0, 0]", "\"split_type\": [1, 0, 0]")))
                .withMessageContaining("categorical");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        reader.read(MODEL.replace("\"split_indices\": [1, 0, 0]", "\"split_indices\": [7, 0, 0]")))
                .withMessageContaining("splits on feature 7 of 3");
    }
}
