package dev.peregrine.execution.application.port.in;

import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.execution.domain.Order;

/** Turns an order intent into an order at the venue. Idempotent on the intent's clientOrderId. */
public interface PlaceOrder {

    /** @return the order as it stands after the intent was handled (the existing one for a known intent) */
    Order place(OrderIntentCreated intent);
}
