package dev.peregrine.ingest.domain;

/**
 * Why an input line did not become a published candle. The names are stable codes: they tag metrics,
 * are stored in {@code ingest.rejections} and travel in quality incidents.
 */
public enum RejectionReason {
    /** A blank line. */
    EMPTY_LINE,
    /** Not the 11 columns of Binance's kline layout (or 12 with the trailing "ignore" column). */
    WRONG_COLUMN_COUNT,
    /** An open or close time that is not a non-negative epoch-millisecond integer, or a close not after the open. */
    BAD_TIMESTAMP,
    /** A price, volume or trade count that is not a number. */
    NOT_A_NUMBER,
    /** NaN or Infinity where a decimal is expected. */
    NOT_FINITE,
    /** A negative price, volume or trade count. */
    NEGATIVE_VALUE,
    /** A price of zero: no trade happens at zero, and events cannot carry it. */
    ZERO_PRICE,
    /** More decimals or integer digits than any real market value has. */
    OUT_OF_RANGE,
    /** The same open time as the previous candle of the series. */
    DUPLICATE,
    /** An open time before the previous candle's. */
    OUT_OF_ORDER;

    /** The rule name quality incidents carry for this rejection. */
    public String incidentRule() {
        return this == DUPLICATE || this == OUT_OF_ORDER ? name() : "MALFORMED_RECORD";
    }
}
