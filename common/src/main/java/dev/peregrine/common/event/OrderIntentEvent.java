package dev.peregrine.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events of {@link dev.peregrine.common.Topics#ORDERS_INTENTS}, keyed by symbol. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OrderIntentCreated.class, name = "OrderIntentCreated"),
    @JsonSubTypes.Type(value = OrderCancelRequested.class, name = "OrderCancelRequested")
})
public sealed interface OrderIntentEvent extends PeregrineEvent permits OrderIntentCreated, OrderCancelRequested {}
