package dev.peregrine.signal.application;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.PauseStrategy;
import dev.peregrine.common.event.ResumeStrategy;
import dev.peregrine.common.event.SetStrategyWeight;
import dev.peregrine.common.event.StrategyCommandEvent;
import dev.peregrine.common.event.StrategyStateChanged;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.signal.application.port.in.ChangeOutcome;
import dev.peregrine.signal.application.port.in.ManageStrategies;
import dev.peregrine.signal.application.port.out.SignalMetrics;
import dev.peregrine.signal.application.port.out.StrategyEventPublisher;
import dev.peregrine.signal.application.port.out.StrategyStore;
import dev.peregrine.signal.domain.Strategy;
import dev.peregrine.signal.domain.StrategyChange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies strategy lifecycle changes (pause, resume, runtime weight): the new state is persisted with its audit
 * entry, then the in-memory registry is updated, then the change is announced as {@link StrategyStateChanged}.
 * The registry is read by every candle, so a change applies from the next candle judged after it returns. Changes
 * are serialised (they are rare) so two callers never both start from the same old state.
 *
 * <p>An operator's change starts a new event chain ({@link Envelope#root}); a command's change continues
 * the command's chain, with an event id derived from the command's, so a redelivered command finds its
 * recorded change and re-publishes the identical announcement instead of applying itself again.
 */
public final class ManageStrategiesService implements ManageStrategies {

    private final StrategyRegistry registry;
    private final StrategyStore store;
    private final StrategyEventPublisher publisher;
    private final SignalMetrics metrics;
    private final IdGenerator idGenerator;
    private final Clock clock;

    public ManageStrategiesService(
            StrategyRegistry registry,
            StrategyStore store,
            StrategyEventPublisher publisher,
            SignalMetrics metrics,
            IdGenerator idGenerator,
            Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.store = Objects.requireNonNull(store, "store");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
        this.clock = Objects.requireNonNull(clock, "clock");
        metrics.pausedStrategies(registry.pausedCount());
    }

    @Override
    public List<Strategy> list() {
        return registry.all();
    }

    @Override
    public synchronized ChangeOutcome pause(String strategyId, String reason, String changedBy) {
        requireText("reason", reason);
        requireText("changedBy", changedBy);
        Instant now = clock.instant();
        return apply(
                strategyId, s -> s.pause(reason, changedBy, now), Envelope.root(idGenerator.next(), now, now), null);
    }

    @Override
    public synchronized ChangeOutcome resume(String strategyId, String reason, String changedBy) {
        requireText("reason", reason);
        requireText("changedBy", changedBy);
        Instant now = clock.instant();
        return apply(
                strategyId, s -> s.resume(reason, changedBy, now), Envelope.root(idGenerator.next(), now, now), null);
    }

    @Override
    public synchronized ChangeOutcome setWeight(String strategyId, BigDecimal weight, String reason, String changedBy) {
        requireWeight(weight);
        requireText("reason", reason);
        requireText("changedBy", changedBy);
        Instant now = clock.instant();
        return apply(
                strategyId,
                s -> s.withWeight(weight, reason, changedBy, now),
                Envelope.root(idGenerator.next(), now, now),
                null);
    }

    /**
     * A command with a blank reason or requester is refused with {@link IllegalArgumentException}, which the
     * platform dead-letters at once (retrying cannot fix it); its weight is checked when it is decoded.
     */
    @Override
    public synchronized ChangeOutcome handle(StrategyCommandEvent command) {
        String reason = switch (command) {
            case PauseStrategy pause -> pause.reason();
            case ResumeStrategy resume -> resume.reason();
            case SetStrategyWeight weight -> weight.reason();
        };
        requireText("reason of " + command.getClass().getSimpleName(), reason);
        requireText("requestedBy of " + command.getClass().getSimpleName(), command.requestedBy());
        Envelope cause = command.envelope();
        UUID commandId = cause.eventId();
        Optional<StrategyStore.RecordedChange> recorded = store.findByCommand(commandId);
        if (recorded.isPresent()) {
            Strategy after = recorded.get().after();
            StrategyStateChanged again = announcement(
                    after, Envelope.causedBy(cause, recorded.get().eventId(), cause.eventTime(), after.changedAt()));
            publisher.publish(again);
            return new ChangeOutcome.AlreadyApplied(again);
        }
        Instant now = clock.instant();
        Envelope envelope =
                Envelope.causedBy(cause, DerivedIds.from("strategy-state-changed", commandId), cause.eventTime(), now);
        Function<Strategy, Optional<Strategy>> transition = switch (command) {
            case PauseStrategy pause -> s -> s.pause(pause.reason(), pause.requestedBy(), now);
            case ResumeStrategy resume -> s -> s.resume(resume.reason(), resume.requestedBy(), now);
            case SetStrategyWeight weight ->
                s -> s.withWeight(BigDecimal.valueOf(weight.weight()), weight.reason(), weight.requestedBy(), now);
        };
        return apply(command.strategyId(), transition, envelope, commandId);
    }

    private ChangeOutcome apply(
            String strategyId, Function<Strategy, Optional<Strategy>> transition, Envelope envelope, UUID commandId) {
        Optional<Strategy> current = registry.find(strategyId);
        if (current.isEmpty()) {
            return new ChangeOutcome.UnknownStrategy(strategyId);
        }
        Optional<Strategy> next = transition.apply(current.get());
        if (next.isEmpty()) {
            return new ChangeOutcome.Unchanged(current.get());
        }
        Strategy after = next.get();
        StrategyStateChanged event = announcement(after, envelope);
        boolean recorded = store.record(
                new StrategyChange(current.get(), after),
                new StrategyStore.AuditContext(envelope.eventId(), envelope.correlationId(), commandId));
        if (!recorded) {
            // Another delivery of the same command won the race to record it; it announces the change.
            return new ChangeOutcome.Unchanged(current.get());
        }
        registry.put(after);
        metrics.pausedStrategies(registry.pausedCount());
        publisher.publish(event);
        return new ChangeOutcome.Changed(after, event);
    }

    private static StrategyStateChanged announcement(Strategy strategy, Envelope envelope) {
        return new StrategyStateChanged(
                envelope,
                strategy.id(),
                strategy.state(),
                strategy.weight().doubleValue(),
                strategy.reason(),
                strategy.changedBy());
    }

    private static void requireWeight(BigDecimal weight) {
        if (weight == null || weight.signum() < 0 || weight.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(
                    "weight must be within 0..1: " + (weight == null ? "missing" : weight.toPlainString()));
        }
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
