package dev.peregrine.signal.application.port.in;

import dev.peregrine.common.event.StrategyCommandEvent;
import dev.peregrine.signal.domain.Strategy;
import java.math.BigDecimal;
import java.util.List;

/**
 * The strategy lifecycle: operators (REST) and services (commands on Kafka) pause, resume and weight
 * strategies. Every change is persisted, audited and then announced.
 */
public interface ManageStrategies {

    /** The registered strategies; retired ones are not among them. */
    List<Strategy> list();

    ChangeOutcome pause(String strategyId, String reason, String changedBy);

    ChangeOutcome resume(String strategyId, String reason, String changedBy);

    /**
     * Sets the runtime weight (0-1), the operator's factor of the strategy's effective weight in the consensus.
     *
     * @throws IllegalArgumentException for a weight outside 0..1 or a blank reason
     */
    ChangeOutcome setWeight(String strategyId, BigDecimal weight, String reason, String changedBy);

    /** Applies a command from Kafka; a redelivered command is recognised by its event id. */
    ChangeOutcome handle(StrategyCommandEvent command);
}
