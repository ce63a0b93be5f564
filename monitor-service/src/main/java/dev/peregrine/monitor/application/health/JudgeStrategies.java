package dev.peregrine.monitor.application.health;

import dev.peregrine.common.event.SignalOutcomeMeasured;
import java.util.List;

/** Judges each strategy on its measured outcomes, pausing one that has degraded. */
public interface JudgeStrategies {

    void judge(SignalOutcomeMeasured outcome);

    List<StrategyHealth> standings();
}
