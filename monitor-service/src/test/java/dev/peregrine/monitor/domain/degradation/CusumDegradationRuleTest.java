package dev.peregrine.monitor.domain.degradation;

import static dev.peregrine.monitor.domain.quality.OutcomeFixtures.T0;
import static dev.peregrine.monitor.domain.quality.OutcomeFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CusumDegradationRuleTest {

    // μ₀ = 0, k = 0.5, h = 2, recovery 1, minimum sample 2: small enough to follow by hand.
    private final CusumDegradationRule rule = new CusumDegradationRule(new DegradationSettings(0, 0.5, 2, 1, 2));

    private CusumState run(double... returns) {
        CusumState state = CusumState.START;
        for (int i = 0; i < returns.length; i++) {
            state = rule.observe(state, returns[i], T0.plusSeconds(60L * i));
        }
        return state;
    }

    @Test
    void followsTheRecursionByHand() {
        // S_n = max(0, S_{n-1} + (0 - x_n)/s_n - 0.5), s_n the running sample sd
        // n=1: warm-up, S = 0
        assertThat(run(1).statistic()).isZero();
        // n=2: s = √2 = 1.414214; replay: x=1 → max(0, -0.707107 - 0.5) = 0; x=-1 → 0.707107 - 0.5 = 0.207107
        assertThat(run(1, -1).statistic()).isCloseTo(0.207107, within(1e-6));
        // n=3: s = √(8/3 / 2) = 1.154701; S = 0.207107 + 0.866025 - 0.5 = 0.573132
        assertThat(run(1, -1, -1).statistic()).isCloseTo(0.573132, within(1e-6));
        // n=4: s = 1; S = 1.073132; n=5: s = 0.894427, S = 1.073132 + 1.118034 - 0.5 = 1.691166
        assertThat(run(1, -1, -1, -1, -1).statistic()).isCloseTo(1.691166, within(1e-6));
        assertThat(run(1, -1, -1, -1, -1).degraded()).isFalse();
        // n=6: s = 0.816497, S = 1.691166 + 1.224745 - 0.5 = 2.415911 >= h = 2 → degraded now
        CusumState degraded = run(1, -1, -1, -1, -1, -1);
        assertThat(degraded.statistic()).isCloseTo(2.415911, within(1e-6));
        assertThat(degraded.degraded()).isTrue();
        assertThat(degraded.transition()).isEqualTo(CusumState.Transition.DEGRADED);
    }

    @Test
    void hysteresisKeepsTheVerdictBetweenTheThresholds() {
        // after the degradation above, x = 0: s = 0.786796, S = 2.415911 + 0 - 0.5 = 1.915911 < h but > 1 → still
        // degraded
        CusumState held = run(1, -1, -1, -1, -1, -1, 0);
        assertThat(held.statistic()).isCloseTo(1.915911, within(1e-6));
        assertThat(held.degraded()).isTrue();
        assertThat(held.transition()).isEqualTo(CusumState.Transition.NONE);
        // x = 3 instead: s = 1.573592, S = 2.415911 - 1.906467 - 0.5 = 0.009444 <= 1 → recovered
        CusumState recovered = run(1, -1, -1, -1, -1, -1, 3);
        assertThat(recovered.statistic()).isCloseTo(0.009444, within(1e-6));
        assertThat(recovered.degraded()).isFalse();
        assertThat(recovered.transition()).isEqualTo(CusumState.Transition.RECOVERED);
    }

    @Test
    void nothingIsDecidedBeforeTheMinimumSampleButTheWarmUpCounts() {
        CusumDegradationRule strict = new CusumDegradationRule(new DegradationSettings(0, 0.5, 2, 1, 5));
        CusumState state = CusumState.START;
        for (int i = 0; i < 4; i++) {
            state = strict.observe(state, -1 - 0.1 * i, T0);
        }
        assertThat(strict.assess("s", state).status()).isEqualTo(DegradationDecision.Status.INSUFFICIENT_SAMPLE);
        assertThat(state.statistic()).isZero();
        state = strict.observe(state, -1.4, T0);
        // five losses of about 4 sd each replayed at once: S far above h
        assertThat(state.statistic()).isGreaterThan(2);
        assertThat(strict.assess("s", state).justDegraded()).isTrue();
    }

    @Test
    void aConstantLossDegradesEvenWithoutSpread() {
        CusumState state = run(-0.01, -0.01, -0.01);
        assertThat(state.degraded()).isTrue();
    }

    @Test
    void replayEqualsObservingOneByOneAndTheDecisionCarriesItsEvidence() {
        List<MeasuredOutcome> outcomes = new ArrayList<>();
        double[] returns = {0.01, -0.01, -0.01, -0.01, -0.01, -0.01};
        for (int i = 0; i < returns.length; i++) {
            outcomes.add(outcome(i, returns[i]));
        }
        CusumState replayed = rule.replay(outcomes);
        assertThat(replayed.statistic()).isCloseTo(run(returns).statistic(), within(1e-12));
        DegradationDecision decision = rule.assess("momentum", replayed);
        assertThat(decision.status()).isEqualTo(DegradationDecision.Status.DEGRADED);
        assertThat(decision.justDegraded()).isTrue();
        DegradationEvidence evidence = decision.evidence();
        assertThat(evidence.testName()).isEqualTo(DegradationEvidence.TEST_NAME);
        assertThat(evidence.sampleSize()).isEqualTo(6);
        assertThat(evidence.decisionThreshold()).isEqualTo(2);
        assertThat(evidence.meanReturn()).isCloseTo(-0.04 / 6, within(1e-15));
        assertThat(evidence.windowStart()).isEqualTo(T0);
        assertThat(evidence.windowEnd()).isEqualTo(Instant.parse("2025-03-01T00:05:00Z"));
        assertThat(evidence.describe()).contains("CUSUM", "S=2.42", "degrade >= 2.00", "n=6");
    }

    @Test
    void anEmptyHistoryIsInsufficient() {
        DegradationDecision decision = rule.assess("momentum", CusumState.START);
        assertThat(decision.status()).isEqualTo(DegradationDecision.Status.INSUFFICIENT_SAMPLE);
        assertThat(decision.evidence().meanReturn()).isNaN();
        assertThat(decision.evidence().windowStart()).isNull();
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new DegradationSettings(0, 0.1, 5, 5, 30))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DegradationSettings(0, 0.1, 5, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DegradationSettings(0, -0.1, 5, 1, 30))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
