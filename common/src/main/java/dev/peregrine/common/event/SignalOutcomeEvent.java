package dev.peregrine.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events of {@link dev.peregrine.common.Topics#SIGNALS_OUTCOMES}, keyed by symbol. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = SignalOutcomeMeasured.class, name = "SignalOutcomeMeasured")})
public sealed interface SignalOutcomeEvent extends PeregrineEvent permits SignalOutcomeMeasured {}
