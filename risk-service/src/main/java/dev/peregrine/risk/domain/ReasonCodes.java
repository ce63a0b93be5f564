package dev.peregrine.risk.domain;

/**
 * The reason codes risk decisions carry. They are stable: dashboards, alerts and the decision metric's
 * {@code reason} tag key on them.
 */
public final class ReasonCodes {

    public static final String SIGNAL_NOT_TRADEABLE = "SIGNAL_NOT_TRADEABLE";
    public static final String ACTION_SKIP = "ACTION_SKIP";
    public static final String ZERO_STOP_DISTANCE = "ZERO_STOP_DISTANCE";
    public static final String BELOW_MIN_NOTIONAL = "BELOW_MIN_NOTIONAL";
    public static final String BELOW_MIN_QUANTITY = "BELOW_MIN_QUANTITY";
    /** Only reachable once equity comes from a portfolio (it is validated positive configuration today). */
    public static final String NO_EQUITY = "NO_EQUITY";

    public static final String RISK_BUDGET = "RISK_BUDGET";
    public static final String REDUCED_BY_SIGNAL = "REDUCED_BY_SIGNAL";
    public static final String CAPPED_BY_MAX_POSITION = "CAPPED_BY_MAX_POSITION";

    private ReasonCodes() {
    }
}
