package dev.peregrine.backtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProgressListTest {

    @Test
    void reportsEveryBlockOfElementsHandedOutAndTheEnd() {
        List<Integer> items =
                IntStream.range(0, ProgressList.EVERY * 2 + 3).boxed().toList();
        List<Long> reports = new ArrayList<>();
        long sum = 0;

        for (int item : new ProgressList<>(items, reports::add)) {
            sum += item;
        }

        assertThat(sum).isEqualTo(items.stream().mapToLong(Integer::longValue).sum());
        assertThat(reports)
                .containsExactly((long) ProgressList.EVERY, ProgressList.EVERY * 2L, ProgressList.EVERY * 2L + 3);
        assertThat(new ProgressList<>(items, reports::add))
                .hasSize(items.size())
                .element(5)
                .isEqualTo(5);
    }
}
