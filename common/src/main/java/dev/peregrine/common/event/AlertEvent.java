package dev.peregrine.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events of {@link dev.peregrine.common.Topics#ALERTS}, keyed by subject. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = AlertRaised.class, name = "AlertRaised")})
public sealed interface AlertEvent extends PeregrineEvent permits AlertRaised {}
