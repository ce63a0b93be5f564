package dev.peregrine.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events of {@link dev.peregrine.common.Topics#EXECUTION_REPORTS}, keyed by symbol. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OrderAccepted.class, name = "OrderAccepted"),
    @JsonSubTypes.Type(value = OrderPartiallyFilled.class, name = "OrderPartiallyFilled"),
    @JsonSubTypes.Type(value = OrderFilled.class, name = "OrderFilled"),
    @JsonSubTypes.Type(value = OrderCanceled.class, name = "OrderCanceled"),
    @JsonSubTypes.Type(value = OrderRejected.class, name = "OrderRejected")
})
public sealed interface ExecutionReportEvent extends PeregrineEvent
        permits OrderAccepted, OrderPartiallyFilled, OrderFilled, OrderCanceled, OrderRejected {

    String clientOrderId();

    java.util.UUID intentId();

    String strategyId();

    dev.peregrine.common.value.Symbol symbol();

    dev.peregrine.common.value.Side side();
}
