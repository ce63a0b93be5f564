package dev.peregrine.signal.domain;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seed's "pause below an average strength of 50": a strategy whose last {@code window} signals in a series had
 * an average strength below {@code threshold} is paused in that series: its next signal is SKIP (size 0, not
 * tradeable) with reason {@code LOW_AVERAGE_STRENGTH}. Every signal, a skipped one too, joins the average, so the
 * pause lifts by itself once the strategy's signals are strong again. The average is over the signals before the
 * one judged, and a strategy with fewer than {@code window} signals in the series is never paused.
 *
 * <p>Kept per series (not per strategy across series) because one series is fed in order by one thread, live as in
 * the backtest: the same candles give the same pauses wherever the chain runs. Off when {@code threshold} is 0.
 *
 * @param window    signals the average is over, 1..1000
 * @param threshold 0 (off) or the average strength (0..100) below which the strategy is paused; the seed's is 50
 */
public record LowStrengthPause(int window, int threshold) {

    public static final String REASON = "LOW_AVERAGE_STRENGTH";

    /** Off: no signal is ever paused (the service's default). */
    public static final LowStrengthPause OFF = new LowStrengthPause(20, 0);

    public LowStrengthPause {
        if (window < 1 || window > 1000) {
            throw new IllegalArgumentException("the strength-pause window is 1..1000 signals: " + window);
        }
        if (threshold < 0 || threshold > 100) {
            throw new IllegalArgumentException("the strength-pause threshold is 0 (off) .. 100: " + threshold);
        }
    }

    public boolean enabled() {
        return threshold > 0;
    }

    /** A fresh record of one series' signals. */
    public Tracker newTracker() {
        return new Tracker();
    }

    /** One series' recent strengths per strategy. Not thread-safe: owned by its series. */
    public final class Tracker {

        private final Map<String, Window> strategies = new HashMap<>();

        private Tracker() {}

        /** The validation as the rule leaves it (SKIP while its strategy is paused), then records its strength. */
        public SignalValidation apply(SignalValidation validation) {
            Window recent = strategies.computeIfAbsent(validation.analystId(), id -> new Window(window));
            SignalValidation result = validation;
            if (enabled() && recent.full() && recent.average() < threshold) {
                result = paused(validation, recent.average());
            }
            recent.add(validation.strength());
            return result;
        }

        /** Records the strength without judging (a restart rebuilding the series from candles already judged). */
        public void record(SignalValidation validation) {
            strategies
                    .computeIfAbsent(validation.analystId(), id -> new Window(window))
                    .add(validation.strength());
        }

        private SignalValidation paused(SignalValidation v, double average) {
            List<Reason> reasons = new ArrayList<>(v.reasons().size() + 1);
            reasons.addAll(v.reasons());
            reasons.add(Reason.of(
                    REASON,
                    String.format(
                            Locale.ROOT,
                            "average strength %.1f of the strategy's last %d signals is below %d: paused, SKIP",
                            average,
                            window,
                            threshold)));
            return v.decidedAgain(RecommendedAction.SKIP, 0.0, false, reasons);
        }
    }

    /** A ring of the last {@code size} strengths and their sum. */
    private static final class Window {
        private final int[] values;
        private int next;
        private int count;
        private long sum;

        Window(int size) {
            values = new int[size];
        }

        boolean full() {
            return count == values.length;
        }

        double average() {
            return (double) sum / count;
        }

        void add(int strength) {
            if (full()) {
                sum -= values[next];
            } else {
                count++;
            }
            values[next] = strength;
            sum += strength;
            next = (next + 1) % values.length;
        }
    }
}
