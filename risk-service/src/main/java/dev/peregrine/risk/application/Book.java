package dev.peregrine.risk.application;

import dev.peregrine.risk.application.port.out.BookState;
import dev.peregrine.risk.application.port.out.CorrelationGroupSource;
import dev.peregrine.risk.application.port.out.RiskLedger;
import dev.peregrine.risk.domain.control.ControlPolicy;
import dev.peregrine.risk.domain.control.ControlsSnapshot;
import dev.peregrine.risk.domain.control.RiskControls;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one portfolio and its controls, shared by every use case. Signals, reports, candles and operator calls
 * arrive on different threads; each works on the book under one lock, so the book changes one fact at a time
 * and two approvals never see the same free cash. The correlation groups' daily closes are part of the book, so a
 * restart restores the groups the limits were checked against. When storing a change fails, the book is reloaded from the
 * ledger so memory never runs ahead of what is stored.
 */
public final class Book {

    private static final Duration ORDER_RATE_WINDOW = Duration.ofMinutes(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final RiskLedger ledger;
    private final CorrelationGroupSource groups;
    private final ControlPolicy controlPolicy;
    private final Supplier<Portfolio> fresh;
    private final Deque<Instant> intentTimes = new ArrayDeque<>();
    private Portfolio portfolio;
    private RiskControls controls;

    public Book(
            RiskLedger ledger, ControlPolicy controlPolicy, CorrelationGroupSource groups, Supplier<Portfolio> fresh) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.controlPolicy = Objects.requireNonNull(controlPolicy, "controlPolicy");
        this.fresh = Objects.requireNonNull(fresh, "fresh");
        reload();
    }

    /** Runs {@code work} on the book alone; a failure reloads the book from the ledger and propagates. */
    public <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } catch (RuntimeException e) {
            reload();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    public Portfolio portfolio() {
        requireLocked();
        return portfolio;
    }

    public RiskControls controls() {
        requireLocked();
        return controls;
    }

    public BookState state() {
        requireLocked();
        return new BookState(portfolio.snapshot(), controls.snapshot(), groups.closes());
    }

    /** Orders sent in the minute of market time before {@code at} (kept since start-up). */
    public int ordersInLastMinute(Instant at) {
        requireLocked();
        Instant from = at.minus(ORDER_RATE_WINDOW);
        while (!intentTimes.isEmpty() && intentTimes.peekFirst().isBefore(from)) {
            intentTimes.pollFirst();
        }
        return (int) intentTimes.stream()
                .filter(t -> !t.isBefore(from) && !t.isAfter(at))
                .count();
    }

    public void recordOrderSent(Instant at) {
        requireLocked();
        intentTimes.addLast(at);
    }

    private void reload() {
        lock.lock();
        try {
            BookState state = ledger.load().orElse(null);
            portfolio = state == null ? fresh.get() : Portfolio.restore(state.portfolio());
            controls = new RiskControls(controlPolicy, state == null ? ControlsSnapshot.INITIAL : state.controls());
            groups.restore(state == null ? Map.of() : state.dailyCloses());
        } finally {
            lock.unlock();
        }
    }

    private void requireLocked() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the book is used outside its lock");
        }
    }
}
