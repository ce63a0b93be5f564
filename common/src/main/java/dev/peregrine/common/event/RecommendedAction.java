package dev.peregrine.common.event;

/** What signal validation recommends doing with a candidate signal. */
public enum RecommendedAction {
    /** Trade at the suggested size. */
    TRADE,
    /** Trade, but smaller than usual. */
    REDUCE,
    /** Do not trade. */
    SKIP
}
