package dev.peregrine.execution.domain;

/** Reason codes of rejected orders; stable, because dashboards and alerts match on them. */
public final class RejectionCodes {

    public static final String INVALID_QUANTITY = "INVALID_QUANTITY";
    public static final String UNSUPPORTED_ORDER_TYPE = "UNSUPPORTED_ORDER_TYPE";
    public static final String MAX_NOTIONAL_EXCEEDED = "MAX_NOTIONAL_EXCEEDED";
    /** An exit found nothing of its position left to sell (a stop, take-profit or earlier exit sold it). */
    public static final String NOTHING_HELD = "NOTHING_HELD";

    private RejectionCodes() {
    }
}
