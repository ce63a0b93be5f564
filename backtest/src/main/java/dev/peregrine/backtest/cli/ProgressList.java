package dev.peregrine.backtest.cli;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A read-only view of a list whose iterator reports how many elements it has handed out: the engine walks its
 * candles once with a for-each loop, so passing it this view gives the progress bar its count without any hook in
 * the engine. Reports every {@value #EVERY} elements and once at the end.
 */
final class ProgressList<T> extends AbstractList<T> {

    static final int EVERY = 256;

    private final List<T> delegate;
    private final LongConsumer progress;

    ProgressList(List<T> delegate, LongConsumer progress) {
        this.delegate = delegate;
        this.progress = progress;
    }

    @Override
    public T get(int index) {
        return delegate.get(index);
    }

    @Override
    public int size() {
        return delegate.size();
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<T> inner = delegate.iterator();
        return new Iterator<>() {
            private long handed;

            @Override
            public boolean hasNext() {
                boolean more = inner.hasNext();
                if (!more) {
                    progress.accept(handed);
                }
                return more;
            }

            @Override
            public T next() {
                T next = inner.next();
                if (++handed % EVERY == 0) {
                    progress.accept(handed);
                }
                return next;
            }
        };
    }
}
