package dev.peregrine.risk.application.port.in;

import dev.peregrine.risk.domain.control.CapitalRamp;
import dev.peregrine.risk.domain.control.ControlTransition;
import java.util.List;

/** An operator's hand on the controls; every call is audited with who and why. */
public interface OperateRiskControls {

    /** Ends a breaker halt or reduction and a drawdown halt early; empty when nothing was tripped. */
    List<ControlTransition> reset(String actor, String reason);

    /** Cancels nothing new from being sent and flattens every position until released; empty when already on. */
    List<ControlTransition> engageKillSwitch(String actor, String reason);

    List<ControlTransition> releaseKillSwitch(String actor, String reason);

    /** The capital ramp now in force (the operator's, or the configured one until an operator set one). */
    CapitalRamp capitalRamp();

    /** Sets the capital ramp; empty when it already is that. */
    List<ControlTransition> setCapitalRamp(String actor, String reason, CapitalRamp ramp);
}
