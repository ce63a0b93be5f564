package dev.peregrine.signal.domain.ml;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Side;
import dev.peregrine.signal.domain.SignalValidation;
import java.math.BigDecimal;
import java.util.List;

/** Small models and validations for the filter's tests, built by hand so each expected probability can be derived. */
public final class TestModels {

    static final int STRENGTH = MlFeatures.NAMES.indexOf("strength");

    private TestModels() {}

    /**
     * One stump on the strength: below {@code cut} leaf {@code -leaf}, at or above it {@code +leaf}, missing goes left;
     * base score 0.5, so the probability is {@code 1 / (1 + exp(-/+leaf))}.
     */
    public static MlModel stump(String version, float cut, float leaf) {
        TreeEnsemble.Tree tree = new TreeEnsemble.Tree(
                new int[] {1, -1, -1},
                new int[] {2, -1, -1},
                new int[] {STRENGTH, 0, 0},
                new float[] {cut, -leaf, leaf},
                new boolean[] {true, false, false});
        return new MlModel(version, new TreeEnsemble(0.0, MlFeatures.COUNT, MlFeatures.NAMES, List.of(tree)));
    }

    static SignalValidation validation(RecommendedAction action, double sizeMultiplier, int strength) {
        return new SignalValidation(
                "momentum",
                Side.BUY,
                strength,
                Grade.B,
                strength / 100.0,
                sizeMultiplier,
                action,
                action != RecommendedAction.SKIP,
                new BigDecimal("100.00"),
                new BigDecimal("96.00"),
                List.of(Reason.of("GRADE_B", "strength " + strength + " gives grade B")),
                new SignalValidation.Breakdown(0.7, 0.5, 0.6, 1.0, 0.0, strength / 100.0, 1.0));
    }

    static double[] features(double strength) {
        double[] x = new double[MlFeatures.COUNT];
        java.util.Arrays.fill(x, Double.NaN);
        x[STRENGTH] = strength;
        return x;
    }
}
