package dev.peregrine.signal.domain.indicator;

/** Wilder's true range: the bar's range stretched to include a gap from the previous close. */
final class TrueRange {

    private TrueRange() {}

    static double of(double high, double low, double previousClose) {
        return Math.max(high - low, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
    }
}
