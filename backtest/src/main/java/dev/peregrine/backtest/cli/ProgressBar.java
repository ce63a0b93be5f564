package dev.peregrine.backtest.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress bar on stderr: candles done of the total, candles per second and the time left. Redrawn in place
 * at most five times a second when stderr is a terminal; silent otherwise (the caller prints one summary line).
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long total;
    private final long started;
    private long lastDrawn = Long.MIN_VALUE;

    public ProgressBar(PrintStream out, boolean terminal, LongSupplier nanoTime, long total) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.total = Math.max(1, total);
        this.started = nanoTime.getAsLong();
    }

    public void update(long done) {
        if (!terminal) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (done < total && lastDrawn != Long.MIN_VALUE && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        out.print('\r' + line(done, now - started));
        out.flush();
    }

    /** Ends the bar's line so the next output starts on its own line. */
    public void finish() {
        if (terminal && lastDrawn != Long.MIN_VALUE) {
            out.println();
        }
    }

    /** The bar as text for {@code done} candles after {@code elapsedNanos}. */
    String line(long done, long elapsedNanos) {
        double fraction = Math.min(1.0, done / (double) total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 ? clock((long) Math.ceil((total - done) / rate)) : "--:--";
        return String.format(
                Locale.ROOT,
                "[%s%s] %3.0f%% %,d/%,d candles %,.0f candles/s ETA %s",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                fraction * 100,
                done,
                total,
                rate,
                eta);
    }

    static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }
}
