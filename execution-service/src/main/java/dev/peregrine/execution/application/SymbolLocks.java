package dev.peregrine.execution.application;

import dev.peregrine.common.value.Symbol;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the handling of one symbol's intents and candles within this instance, so that the reports
 * of one order leave in lifecycle order (OrderAccepted before OrderFilled) even when the intent and the
 * fill candle are consumed at the same moment by different listener threads. Striped: symbols share a
 * fixed set of locks, so memory stays bounded whatever symbols arrive.
 *
 * <p>Across instances the database's optimistic locking still guarantees a single fill per order; only
 * the order of reports between instances is not guaranteed.
 */
public final class SymbolLocks {

    private final ReentrantLock[] stripes;

    public SymbolLocks(int stripes) {
        if (stripes < 1) {
            throw new IllegalArgumentException("stripes must be positive: " + stripes);
        }
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    public void run(Symbol symbol, Runnable action) {
        call(symbol, () -> {
            action.run();
            return null;
        });
    }

    public <T> T call(Symbol symbol, Supplier<T> action) {
        ReentrantLock lock = stripes[Math.floorMod(symbol.value().hashCode(), stripes.length)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
