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
    public static final String NO_EQUITY = "NO_EQUITY";
    public static final String NO_INSTRUMENT_FILTERS = "NO_INSTRUMENT_FILTERS";
    public static final String SYMBOL_NOT_TRADING = "SYMBOL_NOT_TRADING";
    public static final String POSITION_OPEN = "POSITION_OPEN";
    /** A SELL signal of a strategy that holds nothing in the symbol: spot, long only, nothing to sell. */
    public static final String FLAT_NOTHING_TO_SELL = "FLAT_NOTHING_TO_SELL";
    /** Everything held is already being sold by an exit in flight. */
    public static final String EXIT_ALREADY_PENDING = "EXIT_ALREADY_PENDING";

    public static final String QUALITY_SCALING = "QUALITY_SCALING";
    /** Exit reasons (order intents with purpose EXIT). */
    public static final String OPPOSITE_SIGNAL = "OPPOSITE_SIGNAL";

    public static final String MAX_HOLDING_TIME = "MAX_HOLDING_TIME";
    public static final String BREAKER_FLATTEN = "BREAKER_FLATTEN";
    public static final String KILL_SWITCH_FLATTEN = "KILL_SWITCH_FLATTEN";
    public static final String STRATEGY_PAUSED = "STRATEGY_PAUSED";

    public static final String RISK_BUDGET = "RISK_BUDGET";
    public static final String REDUCED_BY_SIGNAL = "REDUCED_BY_SIGNAL";

    private ReasonCodes() {}
}
