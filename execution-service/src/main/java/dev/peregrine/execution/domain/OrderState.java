package dev.peregrine.execution.domain;

/**
 * Where an order is in its life. The legal moves are NEW → ACCEPTED → FILLED, NEW or ACCEPTED → REJECTED,
 * and ACCEPTED → CANCELED; FILLED, REJECTED and CANCELED are final.
 */
public enum OrderState {
    NEW,
    ACCEPTED,
    FILLED,
    REJECTED,
    CANCELED;

    public boolean canMoveTo(OrderState next) {
        return switch (this) {
            case NEW -> next == ACCEPTED || next == REJECTED;
            case ACCEPTED -> next == FILLED || next == REJECTED || next == CANCELED;
            case FILLED, REJECTED, CANCELED -> false;
        };
    }

    public boolean isFinal() {
        return this == FILLED || this == REJECTED || this == CANCELED;
    }
}
