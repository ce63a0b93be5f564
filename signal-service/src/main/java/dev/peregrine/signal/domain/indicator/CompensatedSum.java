package dev.peregrine.signal.domain.indicator;

/**
 * A running sum with Neumaier's compensation: the rounding error of every addition is carried separately,
 * so a cumulative total over hundreds of thousands of bars stays within a few ulps of the exact sum.
 */
final class CompensatedSum {

    private double sum;
    private double compensation;

    void add(double value) {
        double total = sum + value;
        if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - total) + value;
        } else {
            compensation += (value - total) + sum;
        }
        sum = total;
    }

    void reset() {
        sum = 0;
        compensation = 0;
    }

    double value() {
        return sum + compensation;
    }
}
