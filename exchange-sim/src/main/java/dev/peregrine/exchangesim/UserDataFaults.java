package dev.peregrine.exchangesim;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults of the WebSocket API user data stream, from {@code exchange.faults().userData()} or
 * {@code POST /sim/faults/user-data/...}. Each injection is counted in {@link SimulatorFaults#counts()}.
 */
public final class UserDataFaults {

    private final SimulatorFaults faults;
    private final ExchangeSimulator simulator;
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger ignored = new AtomicInteger();
    private volatile boolean silent;
    private volatile boolean answerWhileSilent = true;
    private volatile Duration executionReportDelay = Duration.ZERO;

    UserDataFaults(SimulatorFaults faults, ExchangeSimulator simulator) {
        this.faults = faults;
        this.simulator = simulator;
    }

    /** Closes every WebSocket API connection abruptly (no close frame); returns how many were open. */
    public int dropConnections() {
        faults.record(FaultType.USER_DATA_DROP);
        return simulator.userDataStream().dropAll();
    }

    /**
     * Keeps the WebSocket API connections open but sends no more events (they are lost, as in a real outage).
     * With {@code answerPingsAndRequests} false the server also stops answering pings and requests and stops
     * pinging, so only a client-side timeout can notice.
     */
    public void goSilent(boolean answerPingsAndRequests) {
        faults.record(FaultType.USER_DATA_SILENT);
        answerWhileSilent = answerPingsAndRequests;
        silent = true;
    }

    /** Ends {@link #goSilent}: events, pongs and answers flow again. */
    public void resume() {
        silent = false;
        answerWhileSilent = true;
    }

    /** Every later executionReport leaves {@code delay} late (other events are not delayed); zero ends it. */
    public void delayExecutionReports(Duration delay) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + delay);
        }
        if (!delay.isZero()) {
            faults.record(FaultType.USER_DATA_DELAY);
        }
        executionReportDelay = delay;
    }

    /** The next {@code count} executionReports are each sent twice, back to back. */
    public void duplicateNextExecutionReports(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        duplicates.addAndGet(count);
    }

    /** Sends {@code {"event":{"e":"serverShutdown",...}}} on every WebSocket API connection, then closes it. */
    public int shutdownServer() {
        faults.record(FaultType.USER_DATA_SHUTDOWN);
        return simulator.userDataStream().shutdownAll();
    }

    public boolean silent() {
        return silent;
    }

    /** Whether pings and requests are answered (false only while silent without answers). */
    public boolean answering() {
        return !silent || answerWhileSilent;
    }

    public Duration executionReportDelay() {
        return executionReportDelay;
    }

    /** Requests and pings left unanswered because the server was silent without answers. */
    public int ignoredWhileSilent() {
        return ignored.get();
    }

    /** Events lost because the stream was silent. */
    public long suppressedEvents() {
        return simulator.userDataStream().suppressed();
    }

    /** Whether a request or ping is to be answered now; counts the ones that are not. */
    boolean answer() {
        if (answering()) {
            return true;
        }
        ignored.incrementAndGet();
        return false;
    }

    public int pendingDuplicates() {
        return duplicates.get();
    }

    /** Whether this executionReport is to be sent twice (uses up one pending duplicate). */
    boolean takeDuplicate() {
        boolean duplicate = duplicates.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        if (duplicate) {
            faults.record(FaultType.USER_DATA_DUPLICATE);
        }
        return duplicate;
    }
}
