package dev.peregrine.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events of {@link dev.peregrine.common.Topics#EXECUTION_ACCOUNTS}, keyed by venue. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = AccountSnapshot.class, name = "AccountSnapshot")})
public sealed interface AccountEvent extends PeregrineEvent permits AccountSnapshot {}
