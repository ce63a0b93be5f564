package dev.peregrine.signal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Collects comparisons of one indicator against an oracle over a series and fails listing the first
 * disagreements. Two tolerances, both 1e-9:
 * <ul>
 *   <li>{@link #check} — relative where the expected value's magnitude is at least 1 and absolute below:
 *       {@code |actual - expected| <= 1e-9 * max(1, |expected|)}. For prices, oscillators on 0..100 and
 *       differences of prices that cross zero (MACD, OBV, %B).</li>
 *   <li>{@link #checkRelative} — purely relative, {@code |actual - expected| <= 1e-9 * |expected|}, for
 *       quantities far below 1 (volatility of log returns, about 1e-3), where an absolute 1e-9 would be
 *       loose.</li>
 * </ul>
 * {@link #assertAgrees} also demands a minimum number of comparisons, so a test cannot pass by comparing
 * nothing.
 */
final class Agreement {

    static final double TOLERANCE = 1e-9;

    private final String indicator;
    private final List<String> disagreements = new ArrayList<>();
    private int compared;

    Agreement(String indicator) {
        this.indicator = indicator;
    }

    void check(int index, double actual, double expected) {
        record(index, actual, expected, TOLERANCE * Math.max(1, Math.abs(expected)));
    }

    void check(int index, OptionalDouble actual, double expected) {
        if (actual.isEmpty()) {
            disagreements.add("bar %d: no value, expected %s".formatted(index, expected));
            compared++;
            return;
        }
        check(index, actual.getAsDouble(), expected);
    }

    void checkRelative(int index, double actual, double expected) {
        record(index, actual, expected, TOLERANCE * Math.abs(expected));
    }

    void checkRelative(int index, OptionalDouble actual, double expected) {
        if (actual.isEmpty()) {
            disagreements.add("bar %d: no value, expected %s".formatted(index, expected));
            compared++;
            return;
        }
        checkRelative(index, actual.getAsDouble(), expected);
    }

    private void record(int index, double actual, double expected, double tolerance) {
        compared++;
        if (!Double.isFinite(expected) || !(Math.abs(actual - expected) <= tolerance)) {
            disagreements.add(
                    "bar %d: %s, expected %s (diff %.3e)".formatted(index, actual, expected, actual - expected));
        }
    }

    void assertAgrees(int minimumComparisons) {
        assertThat(disagreements.size())
                .as(
                        "%s: %d of %d bars disagree, first ones: %s",
                        indicator,
                        disagreements.size(),
                        compared,
                        disagreements.subList(0, Math.min(10, disagreements.size())))
                .isZero();
        assertThat(compared).as("%s: bars compared", indicator).isGreaterThanOrEqualTo(minimumComparisons);
    }
}
