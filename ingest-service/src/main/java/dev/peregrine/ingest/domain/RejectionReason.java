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
    OUT_OF_ORDER,
    /** A capture line that is not {@code <local_ns> <json>}. */
    BAD_CAPTURE_LINE,
    /** Text that is not JSON. */
    MALFORMED_JSON,
    /** JSON that breaks off before its end, like the last line of a capture cut by the recorder stopping. */
    TRUNCATED,
    /** Valid JSON, but no Binance message this parser knows (an unknown stream or event type). */
    UNKNOWN_MESSAGE,
    /** A field the message kind requires is absent. */
    MISSING_FIELD,
    /** A field of the wrong JSON type (an object where a string is expected, a string where a number is). */
    WRONG_TYPE,
    /** A field whose value is not allowed: a symbol that is not one, an unknown interval, a backwards id range. */
    BAD_VALUE,
    /** The combined stream's name disagrees with its payload (kind, symbol or interval). */
    STREAM_MISMATCH,
    /** A replay file's line longer than {@code peregrine.ingest.replay.max-line-length}: only its start was read. */
    LINE_TOO_LONG
}
