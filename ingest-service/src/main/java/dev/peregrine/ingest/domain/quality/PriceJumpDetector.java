package dev.peregrine.ingest.domain.quality;

/**
 * The recent close-to-close log returns of one series and the robust bound a new return is held to:
 * {@code max(k x 1.4826 x MAD, minJump)}, MAD being the median absolute deviation of the window's returns from
 * their median (1.4826 x MAD estimates the standard deviation of normal returns, yet one outlier moves it little).
 *
 * <p>Cost per update: O(window) expected time and no allocation. The window is copied into a scratch array and
 * the two medians are found by selection (Wirth's algorithm, expected linear time) rather than by sorting
 * (O(window log window)); for the default window of 100 that is a few hundred comparisons per candle. Memory:
 * two double arrays of the window's length per series.
 */
final class PriceJumpDetector {

    static final double MAD_TO_SIGMA = 1.4826;

    private final double[] returns;
    private final double[] scratch;
    private final int warmUp;
    private final double k;
    private final double minJump;
    private int size;
    private int next;

    PriceJumpDetector(QualitySettings.PriceJump settings) {
        this.returns = new double[settings.window()];
        this.scratch = new double[settings.window()];
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
        System.arraycopy(returns, 0, scratch, 0, size);
        double median = median(scratch, size);
        for (int i = 0; i < size; i++) {
            scratch[i] = Math.abs(returns[i] - median);
        }
        return median(scratch, size);
    }

    /** The largest absolute log return the next candle may have given {@code mad}. */
    double bound(double mad) {
        return Math.max(k * MAD_TO_SIGMA * mad, minJump);
    }

    void add(double logReturn) {
        returns[next] = logReturn;
        next = (next + 1) % returns.length;
        if (size < returns.length) {
            size++;
        }
    }

    /** The median of {@code a[0..n)}; reorders {@code a}. */
    static double median(double[] a, int n) {
        int upper = n / 2;
        double high = select(a, n, upper);
        if (n % 2 == 1) {
            return high;
        }
        // After selecting index upper, a[0..upper) holds the values at or below it: the lower middle is their maximum.
        double low = a[0];
        for (int i = 1; i < upper; i++) {
            low = Math.max(low, a[i]);
        }
        return (low + high) / 2;
    }

    /**
     * Wirth's selection: the k-th smallest of {@code a[0..n)}, leaving smaller-or-equal values before index k and
     * greater-or-equal ones after it. Expected O(n).
     */
    static double select(double[] a, int n, int k) {
        int left = 0;
        int right = n - 1;
        while (left < right) {
            double pivot = a[k];
            int i = left;
            int j = right;
            do {
                while (a[i] < pivot) {
                    i++;
                }
                while (pivot < a[j]) {
                    j--;
                }
                if (i <= j) {
                    double swap = a[i];
                    a[i] = a[j];
                    a[j] = swap;
                    i++;
                    j--;
                }
            } while (i <= j);
            if (j < k) {
                left = i;
            }
            if (k < i) {
                right = j;
            }
        }
        return a[k];
    }
}
