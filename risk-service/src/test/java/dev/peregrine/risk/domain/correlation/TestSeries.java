package dev.peregrine.risk.domain.correlation;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

/** Daily close series for the tests, built from closes or from chosen log returns. */
final class TestSeries {

    static final LocalDate FIRST_DAY = LocalDate.of(2024, 3, 1);

    private TestSeries() {}

    /** Consecutive daily closes from {@link #FIRST_DAY}. */
    static SortedMap<LocalDate, Double> closes(double... closes) {
        SortedMap<LocalDate, Double> series = new TreeMap<>();
        for (int i = 0; i < closes.length; i++) {
            series.put(FIRST_DAY.plusDays(i), closes[i]);
        }
        return series;
    }

    /** Closes starting at 100 on {@link #FIRST_DAY} whose daily log returns are the given percentages. */
    static SortedMap<LocalDate, Double> fromLogReturnsInPercent(double... returns) {
        double[] closes = new double[returns.length + 1];
        closes[0] = 100;
        for (int i = 0; i < returns.length; i++) {
            closes[i + 1] = closes[i] * Math.exp(returns[i] / 100);
        }
        return closes(closes);
    }

    /** The day of the {@code index}-th close. */
    static LocalDate day(int index) {
        return FIRST_DAY.plusDays(index);
    }
}
