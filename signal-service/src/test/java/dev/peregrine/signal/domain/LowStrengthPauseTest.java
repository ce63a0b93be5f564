package dev.peregrine.signal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Side;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowStrengthPauseTest {

    private static SignalValidation signal(String strategy, int strength) {
        return new SignalValidation(
                strategy,
                Side.BUY,
                strength,
                Grade.B,
                strength / 100.0,
                0.8,
                RecommendedAction.TRADE,
                true,
                new BigDecimal("100"),
                new BigDecimal("98"),
                List.of(Reason.of("TEST", "a test signal")),
                new SignalValidation.Breakdown(0.5, 0.5, 0.5, 1.0, 0.0, strength / 100.0, 1.0));
    }

    @Test
    void aStrategyIsPausedWhileTheAverageOfItsLastSignalsIsBelowTheThresholdAndResumesWhenItRecovers() {
        LowStrengthPause.Tracker tracker = new LowStrengthPause(3, 50).newTracker();
        // fewer than three signals so far: never paused, however weak
        assertThat(tracker.apply(signal("momentum", 10)).action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(tracker.apply(signal("momentum", 10)).action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(tracker.apply(signal("momentum", 100)).action()).isEqualTo(RecommendedAction.TRADE);
        // 10, 10, 100: average 40 < 50: paused, its reason says why
        SignalValidation paused = tracker.apply(signal("momentum", 90));
        assertThat(paused.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(paused.tradeable()).isFalse();
        assertThat(paused.sizeMultiplier()).isZero();
        assertThat(paused.strength()).isEqualTo(90);
        assertThat(paused.reasons()).extracting(Reason::code).containsExactly("TEST", LowStrengthPause.REASON);
        assertThat(paused.reasons().getLast().detail()).contains("average strength 40.0", "last 3 signals", "50");
        // the skipped signal counted: 10, 100, 90 = 66.7: trading again
        assertThat(tracker.apply(signal("momentum", 20)).action()).isEqualTo(RecommendedAction.TRADE);
        // 100, 90, 20 = 70; then 90, 20, 20 = 43.3: paused again
        assertThat(tracker.apply(signal("momentum", 20)).action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(tracker.apply(signal("momentum", 50)).action()).isEqualTo(RecommendedAction.SKIP);
    }

    @Test
    void eachStrategyHasItsOwnAverageAndAnAverageAtTheThresholdIsNotPaused() {
        LowStrengthPause.Tracker tracker = new LowStrengthPause(2, 50).newTracker();
        tracker.apply(signal("momentum", 10));
        tracker.apply(signal("momentum", 10));
        tracker.apply(signal("breakout", 50));
        tracker.apply(signal("breakout", 50));

        assertThat(tracker.apply(signal("momentum", 80)).action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(tracker.apply(signal("breakout", 10)).action()).isEqualTo(RecommendedAction.TRADE);
    }

    @Test
    void recordedSignalsJoinTheAverageWithoutBeingJudged() {
        LowStrengthPause.Tracker tracker = new LowStrengthPause(2, 50).newTracker();
        tracker.record(signal("momentum", 10));
        tracker.record(signal("momentum", 10));

        assertThat(tracker.apply(signal("momentum", 90)).action()).isEqualTo(RecommendedAction.SKIP);
    }

    @Test
    void offPausesNothingAndBadSettingsAreRefused() {
        LowStrengthPause.Tracker tracker = LowStrengthPause.OFF.newTracker();
        for (int i = 0; i < 50; i++) {
            assertThat(tracker.apply(signal("momentum", 0))).isEqualTo(signal("momentum", 0));
        }
        assertThat(LowStrengthPause.OFF.enabled()).isFalse();
        assertThatThrownBy(() -> new LowStrengthPause(0, 50)).hasMessageContaining("window");
        assertThatThrownBy(() -> new LowStrengthPause(20, 101)).hasMessageContaining("threshold");
    }
}
