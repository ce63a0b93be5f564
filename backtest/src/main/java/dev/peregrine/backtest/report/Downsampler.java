package dev.peregrine.backtest.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Thins a long series for a chart: above {@code maxPoints}, each bucket of consecutive points keeps only its lowest
 * and highest point (in time order), so peaks, troughs and the deepest drawdown stay visible while the file stays
 * small. Metrics are always computed on the full series, never on this one.
 */
public final class Downsampler {

    private Downsampler() {}

    /** Pairs {@code [time, value]} of at most about {@code maxPoints} points, the first and last always kept. */
    public static List<double[]> minMax(long[] times, double[] values, int maxPoints) {
        int n = times.length;
        List<double[]> out = new ArrayList<>(Math.min(n, maxPoints + 2));
        if (n <= maxPoints) {
            for (int i = 0; i < n; i++) {
                out.add(new double[] {times[i], values[i]});
            }
            return out;
        }
        int bucket = (int) Math.ceil(n / (maxPoints / 2.0));
        out.add(new double[] {times[0], values[0]});
        for (int start = 1; start < n - 1; start += bucket) {
            int end = Math.min(start + bucket, n - 1);
            int low = start;
            int high = start;
            for (int i = start; i < end; i++) {
                if (values[i] < values[low]) {
                    low = i;
                }
                if (values[i] > values[high]) {
                    high = i;
                }
            }
            int first = Math.min(low, high);
            int second = Math.max(low, high);
            out.add(new double[] {times[first], values[first]});
            if (second != first) {
                out.add(new double[] {times[second], values[second]});
            }
        }
        out.add(new double[] {times[n - 1], values[n - 1]});
        return out;
    }
}
