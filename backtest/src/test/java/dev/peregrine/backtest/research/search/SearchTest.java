package dev.peregrine.backtest.research.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.backtest.research.walkforward.TimeWindow;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTest {

    private static final TimeWindow WINDOW =
            new TimeWindow(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"));

    /** A synthetic objective (a placeholder for a backtest) with its single peak at a = 3, c = 0.70, mode = "b". */
    private static final Objective PEAK = (p, w) -> Evaluation.of(
            -Math.pow(p.integer("a") - 3, 2)
                    - 100 * Math.pow(p.decimal("c").doubleValue() - 0.70, 2)
                    - (p.choice("mode").equals("b") ? 0 : 1),
            List.of());

    private static ParameterSpace space() {
        return ParameterSpace.of(
                IntegerParameter.of("a", 0, 9),
                DecimalParameter.of("c", "0.50", "0.85", "0.05"),
                new ChoiceParameter("mode", List.of("a", "b", "c")));
    }

    @Test
    void gridSearchEvaluatesEveryPointOnceAndFindsThePeak() {
        List<ParameterAssignment> calls = new ArrayList<>();
        Objective counting = (p, w) -> {
            calls.add(p);
            return PEAK.evaluate(p, w);
        };

        SearchResult result = new GridSearch(1000).search(space(), counting, WINDOW);

        assertThat(result.trials()).hasSize(240);
        assertThat(calls).hasSize(240).doesNotHaveDuplicates();
        assertThat(result.best().parameters().integer("a")).isEqualTo(3);
        assertThat(result.best().parameters().decimal("c")).isEqualByComparingTo("0.70");
        assertThat(result.best().parameters().choice("mode")).isEqualTo("b");
        assertThat(result.ranked().getFirst()).isEqualTo(result.best());
        assertThatThrownBy(() -> new GridSearch(100).search(space(), PEAK, WINDOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("240 points");
    }

    @Test
    void geneticSearchFindsThePeakWithFewerEvaluationsThanTheGrid() {
        SearchResult result = new GeneticSearch(42, 20, 25, 0.15, 0.3).search(space(), PEAK, WINDOW);

        assertThat(result.best().evaluation().score()).isEqualTo(0.0);
        assertThat(result.trials()).hasSizeLessThan(240);
        assertThat(result.trials().stream().map(Trial::parameters)).doesNotHaveDuplicates();
    }

    @Test
    void theSameSeedGivesTheSameTrialsAndAnotherSeedOthers() {
        GeneticSearch search = new GeneticSearch(7, 10, 5, 0.2, 0.3);

        SearchResult first = search.search(space(), PEAK, WINDOW);
        SearchResult again = search.search(space(), PEAK, WINDOW);
        SearchResult other = new GeneticSearch(8, 10, 5, 0.2, 0.3).search(space(), PEAK, WINDOW);

        assertThat(again.trials()).isEqualTo(first.trials());
        assertThat(other.trials()).isNotEqualTo(first.trials());
        assertThat(search.settings()).containsEntry("seed", "7").containsEntry("type", "genetic");
    }

    @Test
    void genesCoverEveryIndexOfEachParameter() {
        ParameterSpace space = space();
        Genotype<DoubleGene> low = Genotype.of(
                DoubleChromosome.of(DoubleGene.of(0.0, 0, 1), DoubleGene.of(0.0, 0, 1), DoubleGene.of(0.0, 0, 1)));
        Genotype<DoubleGene> high = Genotype.of(DoubleChromosome.of(
                DoubleGene.of(0.99999, 0, 1), DoubleGene.of(0.99999, 0, 1), DoubleGene.of(0.99999, 0, 1)));

        assertThat(GeneticSearch.indices(space, low)).containsExactly(0, 0, 0);
        assertThat(GeneticSearch.indices(space, high)).containsExactly(9, 7, 2);
    }
}
