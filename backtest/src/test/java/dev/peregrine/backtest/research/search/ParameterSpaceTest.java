package dev.peregrine.backtest.research.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterSpaceTest {

    @Test
    void declaredParametersListTheirValuesExactly() {
        DecimalParameter confidence = DecimalParameter.of("c", "0.50", "0.85", "0.05");
        IntegerParameter strength = new IntegerParameter("s", 0, 70, 10);
        ChoiceParameter exit = new ChoiceParameter("e", List.of("stop", "trail"));

        assertThat(confidence.size()).isEqualTo(8);
        assertThat(confidence.valueAt(0)).isEqualTo(new BigDecimal("0.50"));
        assertThat(confidence.valueAt(4)).isEqualTo(new BigDecimal("0.70"));
        assertThat(confidence.valueAt(7)).isEqualTo(new BigDecimal("0.85"));
        assertThat(strength.size()).isEqualTo(8);
        assertThat(strength.valueAt(5)).isEqualTo(50);
        assertThat(new IntegerParameter("x", 1, 6, 2).size()).isEqualTo(3);
        assertThat(exit.valueAt(1)).isEqualTo("trail");
        assertThatThrownBy(() -> confidence.valueAt(8)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void everyOrdinalIsADistinctPointInGridOrder() {
        ParameterSpace space =
                ParameterSpace.of(IntegerParameter.of("a", 1, 3), new ChoiceParameter("b", List.of("x", "y")));

        assertThat(space.size()).isEqualTo(6);
        assertThat(space.assignment(0L).values())
                .containsExactly(java.util.Map.entry("a", 1), java.util.Map.entry("b", "x"));
        assertThat(space.assignment(1L).values()).containsEntry("a", 1).containsEntry("b", "y");
        assertThat(space.assignment(5L).values()).containsEntry("a", 3).containsEntry("b", "y");
        Set<ParameterAssignment> points = new HashSet<>();
        for (long i = 0; i < space.size(); i++) {
            points.add(space.assignment(i));
        }
        assertThat(points).hasSize(6);
        assertThatThrownBy(() -> space.assignment(6L)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ParameterSpace.of(IntegerParameter.of("a", 1, 2), IntegerParameter.of("a", 1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
