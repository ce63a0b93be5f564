package dev.peregrine.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events of {@link dev.peregrine.common.Topics#STRATEGY_COMMANDS}, keyed by strategy id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PauseStrategy.class, name = "PauseStrategy"),
    @JsonSubTypes.Type(value = ResumeStrategy.class, name = "ResumeStrategy"),
    @JsonSubTypes.Type(value = SetStrategyWeight.class, name = "SetStrategyWeight")
})
public sealed interface StrategyCommandEvent extends PeregrineEvent
        permits PauseStrategy, ResumeStrategy, SetStrategyWeight {

    String strategyId();

    /** Who asked: an operator's name or a service (e.g. {@code monitor-service}). */
    String requestedBy();

    @Override
    default String key() {
        return strategyId();
    }
}
