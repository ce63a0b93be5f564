package dev.peregrine.monitor.application.advice.port.out;

import dev.peregrine.monitor.domain.advice.WeightChange;

/** Where applying advice reports. */
public interface AdviceMetrics {

    /** The switch's position, as last seen. */
    void autoApply(boolean enabled);

    /** A weight change was sent to signal-service. */
    void weightSent(WeightChange change);
}
