package dev.peregrine.signal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.StrategyState;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StrategyTest {

    private static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private final Strategy active =
            new Strategy("ema-crossover", StrategyState.ACTIVE, BigDecimal.ONE, "initial", "migration", T0);

    @Test
    void pauseAndResumeChangeStateAndRecordWhoAndWhy() {
        Strategy paused = active.pause("drawdown", "alice", T1).orElseThrow();
        assertThat(paused.state()).isEqualTo(StrategyState.PAUSED);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.reason()).isEqualTo("drawdown");
        assertThat(paused.changedBy()).isEqualTo("alice");
        assertThat(paused.changedAt()).isEqualTo(T1);
        assertThat(paused.weight()).isEqualTo(BigDecimal.ONE);
        assertThat(paused.resume("recovered", "bob", T1).orElseThrow().state()).isEqualTo(StrategyState.ACTIVE);
    }

    @Test
    void aTransitionToTheCurrentStateIsNoChange() {
        assertThat(active.resume("again", "alice", T1)).isEmpty();
        assertThat(active.pause("x", "alice", T1).orElseThrow().pause("y", "bob", T1))
                .isEmpty();
        assertThat(active.withWeight(new BigDecimal("1.00"), "same", "alice", T1))
                .isEmpty();
    }

    @Test
    void weightChangesKeepTheStateAndStayWithinZeroToOne() {
        Strategy halved = active.withWeight(new BigDecimal("0.5"), "less trust", "monitor-service", T1)
                .orElseThrow();
        assertThat(halved.weight()).isEqualByComparingTo("0.5");
        assertThat(halved.state()).isEqualTo(StrategyState.ACTIVE);
        assertThatThrownBy(() -> active.withWeight(new BigDecimal("1.5"), "too much", "alice", T1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
