package dev.peregrine.signal.adapter.out.ml;

import dev.peregrine.signal.application.port.out.ModelArtefactReader;
import dev.peregrine.signal.domain.ml.TreeEnsemble;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a model saved by XGBoost ({@code Booster.saveModel("model.json")}, the JSON model format of XGBoost 2 and 3)
 * into a {@link TreeEnsemble}. Only what the evaluator reproduces exactly is accepted: a {@code gbtree} booster of
 * numerical splits with one output and a logistic objective; anything else is refused with the reason, so an
 * unsupported model is never scored wrongly.
 */
@Component
public class XgboostJsonReader implements ModelArtefactReader {

    private static final Set<String> OBJECTIVES = Set.of("binary:logistic", "reg:logistic");
    /** Decimals kept exact, so each split condition is rounded to float once, as XGBoost rounds it. */
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @Override
    public TreeEnsemble read(String artefact) {
        if (artefact == null || artefact.isBlank()) {
            throw new IllegalArgumentException("the artefact is empty; upload the model.json XGBoost saved");
        }
        JsonNode root;
        try {
            root = json.readTree(artefact);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the artefact is not JSON: " + e.getOriginalMessage());
        }
        JsonNode learner = required(root, "learner");
        String objective = required(required(learner, "objective"), "name").asString();
        if (!OBJECTIVES.contains(objective)) {
            throw new IllegalArgumentException("objective " + objective + " is not supported (" + OBJECTIVES + ")");
        }
        JsonNode booster = required(learner, "gradient_booster");
        String boosterName = required(booster, "name").asString();
        if (!"gbtree".equals(boosterName)) {
            throw new IllegalArgumentException("booster " + boosterName + " is not supported (gbtree only)");
        }
        JsonNode params = required(learner, "learner_model_param");
        int featureCount = Integer.parseInt(required(params, "num_feature").asString());
        int targets = params.has("num_target")
                ? Integer.parseInt(params.get("num_target").asString())
                : 1;
        int classes = params.has("num_class")
                ? Integer.parseInt(params.get("num_class").asString())
                : 0;
        if (targets != 1 || classes > 1) {
            throw new IllegalArgumentException(
                    "a binary model has one output: num_target " + targets + ", num_class " + classes);
        }
        double baseScore = baseScore(required(params, "base_score").asString());
        List<String> names = new ArrayList<>();
        if (learner.has("feature_names")) {
            learner.get("feature_names").forEach(n -> names.add(n.asString()));
        }
        List<TreeEnsemble.Tree> trees = new ArrayList<>();
        for (JsonNode tree : required(required(booster, "model"), "trees")) {
            trees.add(tree(tree, trees.size()));
        }
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("the model has no trees");
        }
        return new TreeEnsemble(TreeEnsemble.logit(baseScore), featureCount, names, trees);
    }

    /** XGBoost 3.1+ writes the base score as a one-element array ({@code "[5E-1]"}), older versions as a number. */
    static double baseScore(String text) {
        String value = text.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1).trim();
            if (value.contains(",")) {
                throw new IllegalArgumentException("a binary model has one base score, not " + text);
            }
        }
        return Double.parseDouble(value);
    }

    private static TreeEnsemble.Tree tree(JsonNode tree, int index) {
        int[] left = ints(required(tree, "left_children"));
        int[] right = ints(required(tree, "right_children"));
        int[] feature = ints(required(tree, "split_indices"));
        JsonNode conditions = required(tree, "split_conditions");
        float[] value = new float[conditions.size()];
        for (int i = 0; i < value.length; i++) {
            value[i] = conditions.get(i).decimalValue().floatValue();
        }
        JsonNode defaults = required(tree, "default_left");
        boolean[] defaultLeft = new boolean[defaults.size()];
        for (int i = 0; i < defaultLeft.length; i++) {
            defaultLeft[i] = defaults.get(i).asInt() != 0;
        }
        if (tree.has("split_type")) {
            for (JsonNode type : tree.get("split_type")) {
                if (type.asInt() != 0) {
                    throw new IllegalArgumentException("tree " + index + " has a categorical split: not supported");
                }
            }
        }
        JsonNode param = tree.get("tree_param");
        if (param != null
                && param.has("size_leaf_vector")
                && Integer.parseInt(param.get("size_leaf_vector").asString()) > 1) {
            throw new IllegalArgumentException("tree " + index + " has vector leaves: not supported");
        }
        try {
            return new TreeEnsemble.Tree(left, right, feature, value, defaultLeft);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tree " + index + ": " + e.getMessage(), e);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("not an XGBoost JSON model: no '" + field + "'");
        }
        return value;
    }
}
