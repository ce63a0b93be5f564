package dev.peregrine.execution.domain;

/** Reason codes of canceled orders; stable, because dashboards and alerts match on them. */
public final class CancelCodes {

    /** One leg of a protective pair filled, so the other one (one-cancels-the-other) is canceled. */
    public static final String OCO_OTHER_LEG_FILLED = "OCO_OTHER_LEG_FILLED";
    /** An exit of the position came: its resting protective pair is canceled before the exit sells. */
    public static final String CANCELED_FOR_EXIT = "CANCELED_FOR_EXIT";

    private CancelCodes() {}
}
