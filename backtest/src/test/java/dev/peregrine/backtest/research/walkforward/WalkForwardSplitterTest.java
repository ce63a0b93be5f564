package dev.peregrine.backtest.research.walkforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WalkForwardSplitterTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final TimeWindow YEAR = new TimeWindow(START, Instant.parse("2025-01-01T00:00:00Z"));
    private static final Duration HORIZON = Duration.ofMinutes(15).multipliedBy(16);

    private static WalkForwardPlan plan(WindowScheme scheme, Duration embargo) {
        return new WalkForwardPlan(Duration.ofDays(90), Duration.ofDays(30), HORIZON, embargo, scheme);
    }

    @ParameterizedTest
    @EnumSource(WindowScheme.class)
    void noTrainingWindowNorItsLabelsOverlapItsTestWindow(WindowScheme scheme) {
        List<WalkForwardWindow> windows = new WalkForwardSplitter(plan(scheme, Duration.ofHours(2))).split(YEAR);

        assertThat(windows).isNotEmpty();
        for (WalkForwardWindow w : windows) {
            assertThat(w.train().overlaps(w.test())).as("fold %d", w.index()).isFalse();
            assertThat(w.trainWithLabels().overlaps(w.test()))
                    .as("fold %d labels", w.index())
                    .isFalse();
            assertThat(w.gap()).isEqualTo(HORIZON.plus(Duration.ofHours(2)));
            assertThat(w.train().to()).isBefore(w.test().from());
        }
    }

    @ParameterizedTest
    @EnumSource(WindowScheme.class)
    void testWindowsTileTheRangeInOrderAfterTheFirstTraining(WindowScheme scheme) {
        List<WalkForwardWindow> windows = new WalkForwardSplitter(plan(scheme, Duration.ZERO)).split(YEAR);

        assertThat(windows.getFirst().test().from())
                .isEqualTo(START.plus(Duration.ofDays(90)).plus(HORIZON));
        assertThat(windows.getLast().test().to()).isEqualTo(YEAR.to());
        for (int i = 0; i < windows.size(); i++) {
            WalkForwardWindow w = windows.get(i);
            assertThat(w.index()).isEqualTo(i);
            assertThat(YEAR.encloses(w.train())).isTrue();
            assertThat(YEAR.encloses(w.test())).isTrue();
            if (i > 0) {
                assertThat(w.test().from()).isEqualTo(windows.get(i - 1).test().to());
                assertThat(w.train().to()).isAfter(windows.get(i - 1).train().to());
            }
        }
        // 366 days - 90 - 4h leave 275.8 days: 9 full 30-day test windows and a shorter tenth
        assertThat(windows).hasSize(10);
        assertThat(windows.getLast().test().length()).isLessThan(Duration.ofDays(30));
    }

    @Test
    void rollingTrainingWindowsKeepTheirLengthAnchoredOnesStartAtTheRangeStart() {
        List<WalkForwardWindow> rolling =
                new WalkForwardSplitter(plan(WindowScheme.ROLLING, Duration.ZERO)).split(YEAR);
        List<WalkForwardWindow> anchored =
                new WalkForwardSplitter(plan(WindowScheme.ANCHORED, Duration.ZERO)).split(YEAR);

        assertThat(rolling).allSatisfy(w -> assertThat(w.train().length()).isEqualTo(Duration.ofDays(90)));
        assertThat(rolling.get(1).train().from()).isEqualTo(START.plus(Duration.ofDays(30)));
        assertThat(anchored).allSatisfy(w -> assertThat(w.train().from()).isEqualTo(START));
        assertThat(anchored.get(1).train().length()).isEqualTo(Duration.ofDays(120));
    }

    @Test
    void refusesARangeTooShortForOneFoldAndAWindowWhoseLabelsReachItsTest() {
        TimeWindow shortRange = new TimeWindow(START, START.plus(Duration.ofDays(90)));
        assertThatThrownBy(() -> new WalkForwardSplitter(plan(WindowScheme.ROLLING, Duration.ZERO)).split(shortRange))
                .isInstanceOf(IllegalArgumentException.class);

        TimeWindow train = new TimeWindow(START, START.plus(Duration.ofDays(10)));
        TimeWindow test = new TimeWindow(
                START.plus(Duration.ofDays(10)).plus(Duration.ofHours(1)), START.plus(Duration.ofDays(20)));
        assertThatThrownBy(() -> new WalkForwardWindow(0, train, test, HORIZON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("training labels reach");
    }
}
