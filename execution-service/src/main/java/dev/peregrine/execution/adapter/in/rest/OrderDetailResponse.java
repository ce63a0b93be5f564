package dev.peregrine.execution.adapter.in.rest;

import dev.peregrine.execution.application.port.in.OrderHistory;
import dev.peregrine.execution.domain.OrderTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order with its audit trail, oldest entry first. */
public record OrderDetailResponse(OrderResponse order, List<EventResponse> events) {

    /** One state change; {@code from} is null for the creation. */
    public record EventResponse(int seq, String from, String to, Instant at, String detail) {}

    static OrderDetailResponse of(OrderHistory history) {
        List<OrderTransition> transitions = history.transitions();
        List<EventResponse> events = new ArrayList<>(transitions.size());
        for (int i = 0; i < transitions.size(); i++) {
            OrderTransition transition = transitions.get(i);
            events.add(new EventResponse(
                    i + 1,
                    transition.from() == null ? null : transition.from().name(),
                    transition.to().name(),
                    transition.at(),
                    transition.detail()));
        }
        return new OrderDetailResponse(OrderResponse.of(history.order()), events);
    }
}
