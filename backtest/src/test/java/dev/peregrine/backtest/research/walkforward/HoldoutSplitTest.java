package dev.peregrine.backtest.research.walkforward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration HORIZON = Duration.ofHours(4);
    // 400 days: the holdout is the last 100
    private static final TimeWindow RANGE = new TimeWindow(START, START.plus(Duration.ofDays(400)));

    @Test
    void holdsOutTheLastQuarterAndTheFittingRangeEndsOneLabelHorizonBeforeIt() {
        HoldoutSplit split = HoldoutSplit.lastQuarter(RANGE, HORIZON);

        assertThat(split.holdoutStart()).isEqualTo(START.plus(Duration.ofDays(300)));
        assertThat(split.holdoutForFinalReport())
                .isEqualTo(new TimeWindow(START.plus(Duration.ofDays(300)), RANGE.to()));
        assertThat(split.fitting())
                .isEqualTo(
                        new TimeWindow(START, START.plus(Duration.ofDays(300)).minus(HORIZON)));
        assertThat(split.fitting().extendedBy(HORIZON).overlaps(split.holdoutForFinalReport()))
                .isFalse();
    }

    @Test
    void theHoldoutIsInsideNoTrainingOrTestWindowNorTheirLabelsOfTheFittingPhase() {
        HoldoutSplit split = HoldoutSplit.lastQuarter(RANGE, HORIZON);
        for (WindowScheme scheme : WindowScheme.values()) {
            List<WalkForwardWindow> windows = new WalkForwardSplitter(new WalkForwardPlan(
                            Duration.ofDays(60), Duration.ofDays(20), HORIZON, Duration.ofHours(1), scheme))
                    .split(split.fitting());

            assertThat(windows).hasSizeGreaterThan(5).allSatisfy(w -> {
                assertThat(w.trainWithLabels().overlaps(split.holdoutForFinalReport()))
                        .isFalse();
                assertThat(w.test().extendedBy(HORIZON).overlaps(split.holdoutForFinalReport()))
                        .isFalse();
                assertThat(split.touchesHoldout(w.test().extendedBy(HORIZON))).isFalse();
            });
        }
    }

    @Test
    void theCutFallsOnAWholeHourSoNoCandleStraddlesIt() {
        TimeWindow odd = new TimeWindow(START, START.plus(Duration.ofDays(10)).plus(Duration.ofMinutes(15 * 7)));
        HoldoutSplit split = HoldoutSplit.lastQuarter(odd, HORIZON);

        assertThat(split.holdoutStart().getEpochSecond() % 3600).isZero();
        assertThat(split.touchesHoldout(new TimeWindow(START, split.holdoutStart())))
                .isFalse();
        assertThat(split.touchesHoldout(
                        new TimeWindow(START, split.holdoutStart().plusSeconds(1))))
                .isTrue();
    }
}
