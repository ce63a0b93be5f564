package dev.peregrine.signal.domain.indicator;

/**
 * Highest (or lowest) of the last {@code window} values, with a monotonic deque on two ring arrays: each value
 * is pushed once and popped at most once, so an update is O(1) amortised and allocates nothing. Not
 * thread-safe.
 */
public final class RollingExtremum {

    private final int window;
    private final boolean highest;
    private final double[] values;
    private final long[] positions;
    private int head;
    private int count;
    private long seen;

    private RollingExtremum(int window, boolean highest) {
        if (window < 1) {
            throw new IllegalArgumentException("window must hold at least 1 value: " + window);
        }
        this.window = window;
        this.highest = highest;
        this.values = new double[window];
        this.positions = new long[window];
    }

    public static RollingExtremum highest(int window) {
        return new RollingExtremum(window, true);
    }

    public static RollingExtremum lowest(int window) {
        return new RollingExtremum(window, false);
    }

    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("rolling extremum input must be a finite number: " + value);
        }
        long position = seen++;
        // Positions only grow by one per value, so at most the oldest kept value leaves the window.
        if (count > 0 && positions[head] <= position - window) {
            head = (head + 1) % window;
            count--;
        }
        // A kept value that the new one equals or beats can never be the extremum again.
        while (count > 0 && !beats(values[slot(count - 1)], value)) {
            count--;
        }
        int tail = slot(count);
        values[tail] = value;
        positions[tail] = position;
        count++;
    }

    private boolean beats(double kept, double candidate) {
        return highest ? kept > candidate : kept < candidate;
    }

    private int slot(int offset) {
        return (head + offset) % window;
    }

    /** Whether {@code window} values have been seen, so the extremum covers a full window. */
    public boolean isFull() {
        return seen >= window;
    }

    /** The extremum of the last {@code min(window, seen)} values. */
    public double value() {
        if (count == 0) {
            throw new IllegalStateException("the rolling window is empty");
        }
        return values[head];
    }

    public int window() {
        return window;
    }
}
