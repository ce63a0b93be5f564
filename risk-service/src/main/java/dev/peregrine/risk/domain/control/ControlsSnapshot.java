package dev.peregrine.risk.domain.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Everything {@link RiskControls} is, as plain values. */
public record ControlsSnapshot(
        BreakerState breaker,
        Instant haltedUntil,
        BigDecimal resetBaseline,
        LocalDate resetDay,
        boolean drawdownHalted,
        boolean killSwitch,
        String killSwitchReason,
        Instant killSwitchSince,
        CapitalRamp capitalRamp) {

    /** {@code capitalRamp} null: none set by an operator yet, the policy's applies. */
    public static final ControlsSnapshot INITIAL =
            new ControlsSnapshot(BreakerState.ACTIVE, null, null, null, false, false, null, null, null);
}
