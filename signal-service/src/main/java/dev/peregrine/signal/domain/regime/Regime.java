package dev.peregrine.signal.domain.regime;

import java.util.Objects;

/** Trend vs range crossed with high vs low volatility; {@code UNKNOWN} parts until the indicators are warm. */
public record Regime(Trend trend, Volatility volatility) {

    public enum Trend {
        TRENDING,
        RANGING,
        UNKNOWN
    }

    public enum Volatility {
        HIGH,
        LOW,
        UNKNOWN
    }

    public static final Regime UNKNOWN = new Regime(Trend.UNKNOWN, Volatility.UNKNOWN);

    public Regime {
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(volatility, "volatility");
    }

    /** Stable label for metrics and storage, e.g. {@code TRENDING_HIGH}. */
    public String label() {
        return trend + "_" + volatility;
    }
}
