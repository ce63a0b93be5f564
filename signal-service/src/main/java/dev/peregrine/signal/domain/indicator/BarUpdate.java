package dev.peregrine.signal.domain.indicator;

/** What {@link IndicatorBank#update} did with a bar. */
public enum BarUpdate {
    /** The bar was newer than the last one: every indicator moved. */
    APPLIED,
    /** Same open time as the last applied bar (a redelivery or re-published candle): nothing moved. */
    DUPLICATE,
    /** Older than the last applied bar: nothing moved. */
    OUT_OF_ORDER
}
