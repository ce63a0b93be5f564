package dev.peregrine.monitor.application.advice;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.monitor.application.advice.port.in.ApplyWeightAdvice;
import dev.peregrine.monitor.application.advice.port.in.SwitchAutoApply;
import dev.peregrine.monitor.application.advice.port.out.AdviceMetrics;
import dev.peregrine.monitor.application.advice.port.out.AdviceStore;
import dev.peregrine.monitor.application.advice.port.out.WeightCommands;
import dev.peregrine.monitor.application.quality.OutcomeQuery;
import dev.peregrine.monitor.application.quality.QueryQuality;
import dev.peregrine.monitor.domain.advice.WeightChange;
import dev.peregrine.monitor.domain.advice.WeightChangeRule;
import dev.peregrine.monitor.domain.degradation.WeightAdvice;
import dev.peregrine.monitor.domain.quality.OutcomeFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Applies weight advice while the operator's switch is on: the advice of {@code GET /api/v1/strategies/advice} over
 * the lookback, turned into changes by the {@link WeightChangeRule}, each recorded (the audit) before it is sent, so a
 * failed send is repeated by the next round with the same command. Off, it sends nothing, not even changes an earlier
 * round could not send.
 */
public final class ApplyWeightAdviceService implements ApplyWeightAdvice {

    private final SwitchAutoApply autoApply;
    private final QueryQuality quality;
    private final AdviceStore store;
    private final WeightCommands commands;
    private final AdviceMetrics metrics;
    private final Clock clock;
    private final IdGenerator ids;
    private final WeightChangeRule rule;
    private final Duration horizon;
    private final Duration lookback;

    /** @param lookback outcomes whose signal is at most this old count; zero counts every stored outcome */
    public ApplyWeightAdviceService(
            SwitchAutoApply autoApply,
            QueryQuality quality,
            AdviceStore store,
            WeightCommands commands,
            AdviceMetrics metrics,
            Clock clock,
            IdGenerator ids,
            WeightChangeRule rule,
            Duration horizon,
            Duration lookback) {
        this.autoApply = Objects.requireNonNull(autoApply, "autoApply");
        this.quality = Objects.requireNonNull(quality, "quality");
        this.store = Objects.requireNonNull(store, "store");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.lookback = Objects.requireNonNull(lookback, "lookback");
    }

    @Override
    public synchronized int applyDue() {
        if (!autoApply.current().enabled()) {
            return 0;
        }
        announce();
        Instant now = clock.instant();
        Instant windowStart = lookback.isZero() ? null : now.minus(lookback);
        List<WeightAdvice> advice =
                quality.advice(new OutcomeQuery(horizon, OutcomeFilter.all().within(windowStart, null)));
        List<WeightChange> changes = rule.changes(advice, store.lastWeights(), horizon, windowStart, now, ids::next);
        store.record(changes);
        announce();
        return changes.size();
    }

    @Override
    public List<WeightChange> recentChanges(int limit) {
        return store.recent(limit);
    }

    private void announce() {
        for (WeightChange change : store.unannounced()) {
            commands.send(change);
            store.markAnnounced(change.changeId(), clock.instant());
            metrics.weightSent(change);
        }
    }
}
