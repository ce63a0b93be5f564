package dev.peregrine.monitor.application.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.monitor.domain.degradation.CusumDegradationRule;
import dev.peregrine.monitor.domain.degradation.DegradationSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeStrategiesServiceTest {

    private final InMemoryStrategyHealthStore store = new InMemoryStrategyHealthStore();
    private final List<HealthDecision> announced = new ArrayList<>();
    private boolean brokerDown;
    private final JudgeStrategiesService judge = new JudgeStrategiesService(
            new CusumDegradationRule(DegradationSettings.DEFAULTS),
            Duration.ofHours(4),
            false,
            store,
            decision -> {
                if (brokerDown) {
                    throw new IllegalStateException("broker unavailable (test)");
                }
                announced.add(decision);
            },
            new HealthMetrics() {
                @Override
                public void statistic(String strategyId, double cusum, boolean degraded) {}

                @Override
                public void decided(HealthDecision.Action action, String strategyId) {}
            },
            Clock.fixed(Outcomes.START, ZoneOffset.UTC));

    @Test
    void aLosingStrategyIsPausedOnceWithTheRulesEvidenceAndAZeroEdgeOneIsNot() {
        Outcomes.series("loser", -0.02, 0.01, 120, 7).forEach(judge::judge);
        Outcomes.series("no-edge", 0.0, 0.01, 120, 7).forEach(judge::judge);

        assertThat(announced).singleElement().satisfies(decision -> {
            assertThat(decision.strategyId()).isEqualTo("loser");
            assertThat(decision.action()).isEqualTo(HealthDecision.Action.PAUSE);
            assertThat(decision.evidence()).contains("CUSUM", "n=");
        });
        assertThat(judge.standings())
                .extracting(StrategyHealth::strategyId, StrategyHealth::paused)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("loser", true),
                        org.assertj.core.groups.Tuple.tuple("no-edge", false));
    }

    @Test
    void anOutcomeIsJudgedOnceAndOtherHorizonsAreNotJudged() {
        SignalOutcomeMeasured outcome = Outcomes.outcome("s", Outcomes.START, -0.01, Duration.ofHours(4));
        judge.judge(outcome);
        judge.judge(outcome);
        judge.judge(Outcomes.outcome("s", Outcomes.START, -0.01, Duration.ofHours(1)));

        assertThat(store.find("s").orElseThrow().state().count()).isEqualTo(1);
    }

    @Test
    void aDecisionTheBrokerDidNotTakeIsAnnouncedWithTheNextOutcome() {
        List<SignalOutcomeMeasured> losses = Outcomes.series("loser", -0.02, 0.01, 120, 7);
        brokerDown = true;
        for (SignalOutcomeMeasured outcome : losses) {
            try {
                judge.judge(outcome);
            } catch (IllegalStateException expected) {
                // the pause was stored; its announcement failed
            }
        }
        assertThat(announced).isEmpty();
        brokerDown = false;

        judge.judge(Outcomes.outcome("other", Outcomes.START.plus(Duration.ofDays(30)), 0.0, Duration.ofHours(4)));

        assertThat(announced)
                .singleElement()
                .satisfies(d -> assertThat(d.strategyId()).isEqualTo("loser"));
        assertThatThrownBy(() -> judge.judge(null)).isInstanceOf(NullPointerException.class);
    }
}
