package dev.peregrine.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events of {@link dev.peregrine.common.Topics#MARKET_INSTRUMENTS}, keyed by symbol. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = InstrumentUpdated.class, name = "InstrumentUpdated")})
public sealed interface InstrumentEvent extends PeregrineEvent permits InstrumentUpdated {}
