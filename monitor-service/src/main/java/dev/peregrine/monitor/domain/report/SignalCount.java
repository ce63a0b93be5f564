package dev.peregrine.monitor.domain.report;

import java.util.Objects;

/** Validated signals of one strategy in a period, and how many of them were tradeable. */
public record SignalCount(String strategy, int signals, int tradeable) {

    public SignalCount {
        Objects.requireNonNull(strategy, "strategy");
        if (signals < 0 || tradeable < 0 || tradeable > signals) {
            throw new IllegalArgumentException("need 0 <= tradeable <= signals: " + tradeable + "/" + signals);
        }
    }
}
