package dev.peregrine.signal.application.port.in;

import dev.peregrine.common.event.StrategyCommandEvent;
import dev.peregrine.signal.domain.Strategy;

import java.util.List;

/**
 * The strategy lifecycle: operators (REST) and services (commands on Kafka) pause, resume and weight
 * strategies. Every change is persisted, audited and then announced.
 */
public interface ManageStrategies {

    List<Strategy> list();

    ChangeOutcome pause(String strategyId, String reason, String changedBy);

    ChangeOutcome resume(String strategyId, String reason, String changedBy);

    /** Applies a command from Kafka; a redelivered command is recognised by its event id. */
    ChangeOutcome handle(StrategyCommandEvent command);
}
