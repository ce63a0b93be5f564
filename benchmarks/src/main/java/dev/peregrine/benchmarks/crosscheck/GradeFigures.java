package dev.peregrine.benchmarks.crosscheck;

/**
 * One grade's figures on one side: how many signals, how many hit (gross forward return {@code > 0}), and the mean
 * gross forward return in basis points (NaN when there are none).
 */
public record GradeFigures(int count, long hits, double meanBps) {

    public static final GradeFigures NONE = new GradeFigures(0, 0, Double.NaN);

    /** Share of hits, NaN when empty. */
    public double hitRate() {
        return count == 0 ? Double.NaN : (double) hits / count;
    }

    static GradeFigures of(Iterable<SignalReturn> returns) {
        int count = 0;
        long hits = 0;
        double sum = 0;
        for (SignalReturn r : returns) {
            count++;
            sum += r.forwardBps();
            if (r.hit()) {
                hits++;
            }
        }
        return count == 0 ? NONE : new GradeFigures(count, hits, sum / count);
    }
}
