package dev.peregrine.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events of {@link dev.peregrine.common.Topics#STRATEGY_EVENTS}, keyed by strategy id: what actually changed. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = StrategyStateChanged.class, name = "StrategyStateChanged")})
public sealed interface StrategyLifecycleEvent extends PeregrineEvent permits StrategyStateChanged {}
