package dev.peregrine.execution.domain;

/**
 * Where an order is in its life.
 *
 * <pre>
 * PENDING_SUBMIT → ACCEPTED | REJECTED | UNKNOWN
 * UNKNOWN        → ACCEPTED | REJECTED          (only once the venue has been asked)
 * ACCEPTED       → FILLED | REJECTED | CANCELED
 * </pre>
 *
 * <p>PENDING_SUBMIT is stored, in its own transaction, before the venue is called: a crash or a redelivery then
 * finds the order and never sends it again. UNKNOWN means the venue may or may not have the order (a timeout, a
 * 5XX, -1007, or a PENDING_SUBMIT order found after a crash); only the venue's own answer to a query moves it on.
 * FILLED, REJECTED and CANCELED are final.
 */
public enum OrderState {
    PENDING_SUBMIT,
    ACCEPTED,
    UNKNOWN,
    FILLED,
    REJECTED,
    CANCELED;

    public boolean canMoveTo(OrderState next) {
        return switch (this) {
            case PENDING_SUBMIT -> next == ACCEPTED || next == REJECTED || next == UNKNOWN;
            case UNKNOWN -> next == ACCEPTED || next == REJECTED;
            case ACCEPTED -> next == FILLED || next == REJECTED || next == CANCELED;
            case FILLED, REJECTED, CANCELED -> false;
        };
    }

    public boolean isFinal() {
        return this == FILLED || this == REJECTED || this == CANCELED;
    }

    /** Not yet answered by the venue: sent or about to be, or sent without a known outcome. */
    public boolean isUnresolved() {
        return this == PENDING_SUBMIT || this == UNKNOWN;
    }
}
