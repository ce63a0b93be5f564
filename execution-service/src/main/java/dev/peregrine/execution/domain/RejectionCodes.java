package dev.peregrine.execution.domain;

/** Reason codes of rejected orders; stable, because dashboards and alerts match on them. */
public final class RejectionCodes {

    public static final String INVALID_QUANTITY = "INVALID_QUANTITY";
    public static final String UNSUPPORTED_ORDER_TYPE = "UNSUPPORTED_ORDER_TYPE";
    public static final String MAX_NOTIONAL_EXCEEDED = "MAX_NOTIONAL_EXCEEDED";
    /** An exit found nothing of its position left to sell (a stop, take-profit or earlier exit sold it). */
    public static final String NOTHING_HELD = "NOTHING_HELD";
    /** An exit whose protective legs the venue did not confirm canceled: it sells nothing, so nothing is sold twice. */
    public static final String CANCEL_UNCONFIRMED = "CANCEL_UNCONFIRMED";
    /** An UNKNOWN order the venue, asked after the grace period, proved it does not have. */
    public static final String NOT_AT_VENUE = "NOT_AT_VENUE";
    /** An intent too old to act on against a live venue (a consumer-group reset, an old backlog). */
    public static final String STALE_INTENT = "STALE_INTENT";

    private RejectionCodes() {}
}
