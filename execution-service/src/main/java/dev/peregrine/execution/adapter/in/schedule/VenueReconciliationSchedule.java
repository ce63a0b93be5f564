package dev.peregrine.execution.adapter.in.schedule;

import dev.peregrine.execution.adapter.in.kafka.OrderIntentsStarter;
import dev.peregrine.execution.application.Reconciliation;
import dev.peregrine.execution.application.port.in.ReconcileUseCase;
import dev.peregrine.execution.application.port.in.ResolveOrdersUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * On one thread named {@code venue-reconciliation}: a reconciliation at once when the service starts and then every
 * {@code reconcileEvery}, and between them a resolution round for PENDING_SUBMIT and UNKNOWN orders every
 * {@code resolveEvery}. After every reconciliation the intent listener is started if the venue gate opened. A round
 * that throws is logged and the schedule goes on (a scheduled executor would otherwise drop every later run).
 */
public final class VenueReconciliationSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VenueReconciliationSchedule.class);

    private final ReconcileUseCase reconcile;
    private final ResolveOrdersUseCase resolve;
    private final OrderIntentsStarter intents;
    private final Duration reconcileEvery;
    private final Duration resolveEvery;
    private ScheduledThreadPoolExecutor executor;

    public VenueReconciliationSchedule(ReconcileUseCase reconcile, ResolveOrdersUseCase resolve,
                                       OrderIntentsStarter intents, Duration reconcileEvery, Duration resolveEvery) {
        this.reconcile = Objects.requireNonNull(reconcile, "reconcile");
        this.resolve = Objects.requireNonNull(resolve, "resolve");
        this.intents = Objects.requireNonNull(intents, "intents");
        this.reconcileEvery = Objects.requireNonNull(reconcileEvery, "reconcileEvery");
        this.resolveEvery = Objects.requireNonNull(resolveEvery, "resolveEvery");
    }

    @Override
    public synchronized void start() {
        executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("venue-reconciliation").daemon(true)
                .factory());
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.scheduleWithFixedDelay(() -> guarded("reconciliation", this::reconcileOnce), 0,
                reconcileEvery.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> guarded("resolution", resolve::resolveDue), resolveEvery.toMillis(),
                resolveEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reconcileOnce() {
        Reconciliation result = reconcile.reconcile();
        log.info("Reconciled with the venue: {}", result);
        intents.startIfOpen();
    }

    private void guarded(String what, Runnable round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            log.error("A venue {} round failed; the schedule goes on: {}", what, e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
