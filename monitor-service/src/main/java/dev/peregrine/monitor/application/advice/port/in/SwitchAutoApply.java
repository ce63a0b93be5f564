package dev.peregrine.monitor.application.advice.port.in;

import dev.peregrine.monitor.domain.advice.AutoApplySwitch;
import java.util.List;

/** The operator's switch that lets the monitor apply its weight advice; every use is audited. */
public interface SwitchAutoApply {

    /** The switch as last set; {@link AutoApplySwitch#NEVER_SET} (off) before any operator set it. */
    AutoApplySwitch current();

    /** Sets the switch and records who, when and why, even when it was already in that position. */
    AutoApplySwitch switchTo(boolean enabled, String reason, String changedBy);

    /** The latest uses of the switch, newest first, at most {@code limit}. */
    List<AutoApplySwitch> history(int limit);
}
