package dev.peregrine.monitor.application.advice.port.in;

import dev.peregrine.monitor.domain.advice.WeightChange;
import java.util.List;

/** One round of applying weight advice, and the audit of the weights sent. */
public interface ApplyWeightAdvice {

    /**
     * While the switch is on: sends what an earlier round recorded but could not send, then records and sends a
     * {@code SetStrategyWeight} for every strategy whose advice moved beyond the tolerance. Returns the changes decided
     * in this round; nothing happens while the switch is off.
     */
    int applyDue();

    /** The latest weight changes, newest first, at most {@code limit}. */
    List<WeightChange> recentChanges(int limit);
}
