package dev.peregrine.monitor.application.health;

import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.monitor.domain.degradation.CusumDegradationRule;
import dev.peregrine.monitor.domain.degradation.CusumState;
import dev.peregrine.monitor.domain.degradation.DegradationDecision;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Feeds each strategy's measured outcomes, at one horizon, to the degradation rule. When the rule finds a strategy
 * degraded the monitor records a PAUSE decision with the rule's evidence, then announces it (a {@code PauseStrategy}
 * command and an alert). It resumes a recovered strategy only when configured to; otherwise an operator does. Each outcome is judged once
 * (keyed by signal and horizon); decisions are stored before they are announced and announced again after a failure.
 */
public final class JudgeStrategiesService implements JudgeStrategies {

    private final CusumDegradationRule rule;
    private final Duration horizon;
    private final boolean resumeOnRecovery;
    private final StrategyHealthStore store;
    private final HealthAnnouncer announcer;
    private final HealthMetrics metrics;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    public JudgeStrategiesService(
            CusumDegradationRule rule,
            Duration horizon,
            boolean resumeOnRecovery,
            StrategyHealthStore store,
            HealthAnnouncer announcer,
            HealthMetrics metrics,
            Clock clock) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.resumeOnRecovery = resumeOnRecovery;
        this.store = Objects.requireNonNull(store, "store");
        this.announcer = Objects.requireNonNull(announcer, "announcer");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void judge(SignalOutcomeMeasured outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (!outcome.horizon().equals(horizon)) {
            return;
        }
        // One strategy's outcomes arrive on several partitions: its state is read and written by one thread at a time.
        lock.lock();
        try {
            announcePending();
            String strategy = outcome.strategyId();
            StrategyHealth before = store.find(strategy)
                    .orElse(new StrategyHealth(strategy, CusumState.START, false, outcome.exitTime()));
            CusumState state = rule.observe(before.state(), outcome.netReturn().doubleValue(), outcome.exitTime());
            DegradationDecision verdict = rule.assess(strategy, state);
            Optional<HealthDecision> decision = Optional.empty();
            boolean paused = before.paused();
            if (verdict.justDegraded() && !paused) {
                decision = Optional.of(decision(strategy, HealthDecision.Action.PAUSE, verdict, outcome));
                paused = true;
            } else if (state.transition() == CusumState.Transition.RECOVERED && paused) {
                // The reason for the pause has gone: a later degradation pauses again. The strategy itself stays
                // paused until an operator resumes it, unless resuming by itself is switched on.
                if (resumeOnRecovery) {
                    decision = Optional.of(decision(strategy, HealthDecision.Action.RESUME, verdict, outcome));
                }
                paused = false;
            }
            String key = outcome.signalId() + "/" + outcome.horizon();
            if (!store.record(key, new StrategyHealth(strategy, state, paused, clock.instant()), decision)) {
                return;
            }
            metrics.statistic(strategy, state.statistic(), state.degraded());
            decision.ifPresent(d -> metrics.decided(d.action(), strategy));
            announcePending();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<StrategyHealth> standings() {
        return store.all();
    }

    private HealthDecision decision(
            String strategy, HealthDecision.Action action, DegradationDecision verdict, SignalOutcomeMeasured outcome) {
        return new HealthDecision(
                DerivedIds.from("health-decision", strategy, action, outcome.signalId(), outcome.horizon()),
                strategy,
                action,
                verdict.evidence().describe(),
                outcome.exitTime());
    }

    private void announcePending() {
        for (HealthDecision pending : store.unannounced()) {
            announcer.announce(pending);
            store.markAnnounced(pending.decisionId(), clock.instant());
        }
    }
}
