package dev.peregrine.execution.domain;

import dev.peregrine.common.event.Reason;
import java.util.Objects;

/**
 * Why a working order was canceled.
 *
 * @param reason     machine-readable code ({@link CancelCodes}) and words for an operator
 * @param canceledBy the clientOrderId of the order whose handling canceled this one (the protective leg that
 *                   filled, the exit that took over the position), or null when no order did (an operator)
 */
public record Cancellation(Reason reason, String canceledBy) {

    public Cancellation {
        Objects.requireNonNull(reason, "reason");
    }
}
