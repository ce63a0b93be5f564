package dev.peregrine.monitor.application.advice.port.out;

import dev.peregrine.monitor.domain.advice.AutoApplySwitch;
import dev.peregrine.monitor.domain.advice.WeightChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The switch's audit trail and the weight changes decided, each kept for good; the latest switch is the current one. */
public interface AdviceStore {

    Optional<AutoApplySwitch> currentSwitch();

    void recordSwitch(AutoApplySwitch change);

    /** Newest first, at most {@code limit}. */
    List<AutoApplySwitch> switches(int limit);

    /** The weight of the latest change per strategy, sent or still to send. */
    Map<String, Double> lastWeights();

    /** Records the changes, all or none. */
    void record(List<WeightChange> changes);

    /** Changes recorded but not yet sent, oldest first. */
    List<WeightChange> unannounced();

    void markAnnounced(UUID changeId, Instant at);

    /** Newest first, at most {@code limit}. */
    List<WeightChange> recent(int limit);
}
