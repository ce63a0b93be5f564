package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KlineSelectionTest {

    private final List<Kline> released = TestKlines.minutes(10, 100);

    private long openOf(int index) {
        return released.get(index).openTime().toEpochMilli();
    }

    private List<Kline> select(Long start, Long end, int limit) {
        return BinanceApi.select(released, start, end, limit);
    }

    @Test
    void withoutTimesTheMostRecentKlinesComeOldestFirst() {
        assertThat(select(null, null, 3)).containsExactlyElementsOf(released.subList(7, 10));
        assertThat(select(null, null, 500)).containsExactlyElementsOf(released);
    }

    @Test
    void startAndEndSelectByOpenTimeInclusively() {
        assertThat(select(openOf(2), openOf(4), 500)).containsExactlyElementsOf(released.subList(2, 5));
        assertThat(select(openOf(2) + 1, openOf(4) - 1, 500)).containsExactly(released.get(3));
    }

    @Test
    void withAStartTimeTheLimitKeepsTheOldest() {
        assertThat(select(openOf(2), null, 3)).containsExactlyElementsOf(released.subList(2, 5));
    }

    @Test
    void withOnlyAnEndTimeTheLimitKeepsTheNewestUpToIt() {
        assertThat(select(null, openOf(5), 2)).containsExactlyElementsOf(released.subList(4, 6));
    }

    @Test
    void aRangeWithoutKlinesIsEmpty() {
        assertThat(select(openOf(9) + 1, null, 500)).isEmpty();
        assertThat(select(null, openOf(0) - 1, 500)).isEmpty();
    }
}
