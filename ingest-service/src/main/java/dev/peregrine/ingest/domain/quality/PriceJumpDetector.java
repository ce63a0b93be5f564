package dev.peregrine.ingest.domain.quality;

import java.util.Arrays;

/**
 * The recent close-to-close log returns of one series and the robust bound a new return is held to:
 * {@code max(k x 1.4826 x MAD, minJump)}, MAD being the median absolute deviation of the window's returns from
 * their median (1.4826 x MAD estimates the standard deviation of normal returns, yet one outlier moves it little).
 *
 * <p>The window is kept twice: in arrival order (a ring, to know which return leaves) and sorted. An update moves
 * at most a window's worth of doubles with {@code System.arraycopy} and allocates nothing; the median is then read
 * off the sorted copy, and the MAD is the middle of the absolute deviations, which are two sorted runs walking
 * outwards from the median (below it and above it), merged up to their middle: half a window of steps. This
 * replaced two selections over a scratch copy per candle, which were the largest cost of judging a candle.
 * Memory: two double arrays of the window's length per series.
 */
final class PriceJumpDetector {

    static final double MAD_TO_SIGMA = 1.4826;

    /** The window's returns in arrival order; {@code next} is where the following one goes. */
    private final double[] returns;
    /** The same returns, ascending, in {@code sorted[0..size)}. */
    private final double[] sorted;

    private final int warmUp;
    private final double k;
    private final double minJump;
    private int size;
    private int next;

    PriceJumpDetector(QualitySettings.PriceJump settings) {
        this.returns = new double[settings.window()];
        this.sorted = new double[settings.window()];
        this.warmUp = settings.warmUp();
        this.k = settings.k();
        this.minJump = settings.minJumpBps() / 10_000.0;
    }

    /** Whether enough returns have been seen to judge the next one. */
    boolean warm() {
        return size >= warmUp;
    }

    int size() {
        return size;
    }

    /** The median absolute deviation of the returns in the window; NaN when it is empty. */
    double mad() {
        if (size == 0) {
            return Double.NaN;
        }
        return medianDeviation(sorted, size, medianOfSorted(sorted, size));
    }

    /** The largest absolute log return the next candle may have given {@code mad}. */
    double bound(double mad) {
        return Math.max(k * MAD_TO_SIGMA * mad, minJump);
    }

    /** Adds a finite log return; once the window is full the oldest one leaves. */
    void add(double logReturn) {
        if (size == returns.length) {
            remove(returns[next]);
        }
        insert(logReturn);
        returns[next] = logReturn;
        next = (next + 1) % returns.length;
    }

    private void insert(double value) {
        int at = insertionPoint(value);
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = value;
        size++;
    }

    private void remove(double value) {
        int at = Arrays.binarySearch(sorted, 0, size, value);
        if (at < 0) {
            throw new IllegalStateException("return " + value + " is in the ring but not in the sorted window");
        }
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
        size--;
    }

    /** The first index whose value is greater than {@code value}: equal values keep their arrival order. */
    private int insertionPoint(double value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Double.compare(sorted[mid], value) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The median of ascending {@code a[0..n)}, n at least 1. */
    static double medianOfSorted(double[] a, int n) {
        int upper = n / 2;
        return n % 2 == 1 ? a[upper] : (a[upper - 1] + a[upper]) / 2;
    }

    /**
     * The median of {@code |a[i] - median|} over ascending {@code a[0..n)}: the deviations of the values below the
     * median grow leftwards and those at or above it grow rightwards, so the smallest deviations are merged from
     * the two runs until the middle one(s). {@code median - a[i]} is exactly {@code -(a[i] - median)} in IEEE
     * arithmetic, so this equals taking the absolute differences and selecting their median.
     */
    static double medianDeviation(double[] a, int n, double median) {
        int right = lowerBound(a, n, median);
        int left = right - 1;
        int upper = n / 2;
        double previous = Double.NaN;
        double current = Double.NaN;
        for (int rank = 0; rank <= upper; rank++) {
            previous = current;
            if (left < 0) {
                current = a[right++] - median;
            } else if (right >= n) {
                current = median - a[left--];
            } else {
                double below = median - a[left];
                double above = a[right] - median;
                if (below <= above) {
                    current = below;
                    left--;
                } else {
                    current = above;
                    right++;
                }
            }
        }
        return n % 2 == 1 ? current : (previous + current) / 2;
    }

    /** The first index of ascending {@code a[0..n)} whose value is not below {@code value}. */
    private static int lowerBound(double[] a, int n, double value) {
        int low = 0;
        int high = n;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (a[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
