package dev.peregrine.monitor.application.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.monitor.application.advice.port.out.AdviceMetrics;
import dev.peregrine.monitor.application.advice.port.out.WeightCommands;
import dev.peregrine.monitor.application.quality.OutcomeQuery;
import dev.peregrine.monitor.application.quality.QualityReport;
import dev.peregrine.monitor.application.quality.QueryQuality;
import dev.peregrine.monitor.domain.advice.AutoApplySwitch;
import dev.peregrine.monitor.domain.advice.WeightChange;
import dev.peregrine.monitor.domain.advice.WeightChangeRule;
import dev.peregrine.monitor.domain.degradation.WeightAdvice;
import dev.peregrine.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ApplyWeightAdviceServiceTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryAdviceStore store = new InMemoryAdviceStore();
    private final Commands commands = new Commands();
    private final Metrics metrics = new Metrics();
    private final Advice advice = new Advice();
    private final AtomicLong sequence = new AtomicLong();
    private final SwitchAutoApplyService autoApply = new SwitchAutoApplyService(store, metrics, clock);
    private final ApplyWeightAdviceService apply = new ApplyWeightAdviceService(
            autoApply,
            advice,
            store,
            commands,
            metrics,
            clock,
            () -> new UUID(0, sequence.incrementAndGet()),
            new WeightChangeRule(0.05),
            Duration.ofHours(4),
            Duration.ofDays(30));

    @Test
    void offByDefaultNothingIsSentOrRecorded() {
        advice.current = List.of(measured("momentum", 0.4));

        assertThat(autoApply.current()).isEqualTo(AutoApplySwitch.NEVER_SET);
        assertThat(apply.applyDue()).isZero();
        assertThat(commands.sent).isEmpty();
        assertThat(store.changes).isEmpty();
        assertThat(advice.queries).isEmpty();
        assertThat(metrics.enabled).isFalse();
    }

    @Test
    void onEveryChangeBeyondTheToleranceIsRecordedThenSentOnceAndCounted() {
        autoApply.switchTo(true, "advice reviewed", "operator");
        advice.current = List.of(measured("momentum", 0.4), measured("breakout", 0.9));

        assertThat(apply.applyDue()).isEqualTo(2);
        assertThat(commands.sent).extracting(WeightChange::strategyId).containsExactly("momentum", "breakout");
        assertThat(commands.sent.getFirst().weight()).isEqualTo(0.4);
        assertThat(store.announced).hasSize(2);
        assertThat(metrics.sent).hasSize(2);
        assertThat(metrics.enabled).isTrue();
        // The advice is asked over the lookback at the configured horizon.
        assertThat(advice.queries).singleElement().satisfies(q -> {
            assertThat(q.horizon()).isEqualTo(Duration.ofHours(4));
            assertThat(q.filter().from()).isEqualTo(NOW.minus(Duration.ofDays(30)));
        });

        // Small moves are not worth a command; a large one is, with the old weight.
        advice.current = List.of(measured("momentum", 0.43), measured("breakout", 0.6));
        clock.advance(Duration.ofMinutes(15));
        assertThat(apply.applyDue()).isEqualTo(1);
        assertThat(commands.sent).hasSize(3);
        assertThat(commands.sent.getLast().previous()).hasValue(0.9);
        assertThat(commands.sent.getLast().weight()).isEqualTo(0.6);
        assertThat(apply.recentChanges(10))
                .extracting(WeightChange::strategyId)
                .containsExactly("breakout", "breakout", "momentum");
    }

    @Test
    void switchedOffAgainNothingMoreIsSent() {
        autoApply.switchTo(true, "trial", "operator");
        advice.current = List.of(measured("momentum", 0.4));
        apply.applyDue();
        autoApply.switchTo(false, "trial over", "operator");
        advice.current = List.of(measured("momentum", 0.1));

        assertThat(apply.applyDue()).isZero();
        assertThat(commands.sent).hasSize(1);
        assertThat(autoApply.history(10)).extracting(AutoApplySwitch::reason).containsExactly("trial over", "trial");
        assertThat(metrics.enabled).isFalse();
    }

    @Test
    void aChangeThatCouldNotBeSentIsRecordedAndSentByTheNextRoundWithTheSameId() {
        autoApply.switchTo(true, "advice reviewed", "operator");
        advice.current = List.of(measured("momentum", 0.4));
        commands.failing = true;

        assertThatThrownBy(apply::applyDue).isInstanceOf(IllegalStateException.class);
        assertThat(store.changes).hasSize(1);
        assertThat(store.announced).isEmpty();

        commands.failing = false;
        assertThat(apply.applyDue()).isZero();
        assertThat(commands.sent)
                .singleElement()
                .satisfies(c -> assertThat(c.changeId()).isEqualTo(new UUID(0, 1)));
        assertThat(store.changes).hasSize(1);
    }

    @Test
    void everyUseOfTheSwitchIsAuditedWithWhoWhenAndWhy() {
        AutoApplySwitch on = autoApply.switchTo(true, "  advice reviewed  ", "operator");
        clock.advance(Duration.ofHours(1));
        autoApply.switchTo(true, "still on", "operator");

        assertThat(on).isEqualTo(new AutoApplySwitch(true, "advice reviewed", "operator", NOW));
        assertThat(autoApply.history(10)).hasSize(2);
        assertThat(autoApply.current().changedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> autoApply.switchTo(false, " ", "operator"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static WeightAdvice measured(String strategy, double weight) {
        return new WeightAdvice(strategy, weight, WeightAdvice.Basis.MEASURED, 100, 0.001, 0.0007, weight * 0.002);
    }

    private static final class Advice implements QueryQuality {
        List<WeightAdvice> current = List.of();
        final List<OutcomeQuery> queries = new ArrayList<>();

        @Override
        public List<WeightAdvice> advice(OutcomeQuery query) {
            queries.add(query);
            return current;
        }

        @Override
        public QualityReport quality(OutcomeQuery query, String groupBy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Comparison compare(OutcomeQuery query, String a, String b) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Commands implements WeightCommands {
        final List<WeightChange> sent = new ArrayList<>();
        boolean failing;

        @Override
        public void send(WeightChange change) {
            if (failing) {
                throw new IllegalStateException("broker down");
            }
            sent.add(change);
        }
    }

    private static final class Metrics implements AdviceMetrics {
        boolean enabled;
        final List<WeightChange> sent = new ArrayList<>();

        @Override
        public void autoApply(boolean on) {
            enabled = on;
        }

        @Override
        public void weightSent(WeightChange change) {
            sent.add(change);
        }
    }
}
