package dev.peregrine.execution.adapter.in.rest;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.in.FindOrders;
import dev.peregrine.execution.domain.OrderFilter;
import dev.peregrine.execution.domain.OrderState;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/orders} and {@code GET /api/v1/orders/{clientOrderId}} (VIEWER role). */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final FindOrders findOrders;

    OrderController(FindOrders findOrders) {
        this.findOrders = findOrders;
    }

    /** Newest first; a bad symbol, state or limit is a 400 that says what is allowed. */
    @GetMapping
    List<OrderResponse> list(
            @RequestParam(required = false) String symbol,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "100") int limit) {
        OrderFilter filter = new OrderFilter(
                Optional.ofNullable(symbol).filter(s -> !s.isBlank()).map(Symbol::parseLenient),
                Optional.ofNullable(state).filter(s -> !s.isBlank()).map(OrderController::state),
                limit);
        return findOrders.list(filter).stream().map(OrderResponse::of).toList();
    }

    @GetMapping("/{clientOrderId}")
    OrderDetailResponse get(@PathVariable String clientOrderId) {
        return findOrders
                .history(clientOrderId)
                .map(OrderDetailResponse::of)
                .orElseThrow(() -> new NoSuchElementException("no order with clientOrderId '" + clientOrderId + "'"));
    }

    private static OrderState state(String text) {
        try {
            return OrderState.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown order state '" + text + "'; expected one of "
                    + Arrays.stream(OrderState.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
