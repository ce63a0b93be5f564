package dev.peregrine.ingest.domain;

/** The data-quality rules of this first version; the names travel on {@code CandleClosed.qualityFlags}. */
public enum QualityFlag {
    /** low <= min(open, close), max(open, close) <= high, low <= high does not hold. */
    OHLC_INCONSISTENT,
    /** The open time is not on the interval's grid, or the close time is not open + interval - 1 ms. */
    OFF_GRID,
    /** Candles are missing between the previous candle and this one. */
    GAP,
    /** Same open time as the previous candle: not published again. */
    DUPLICATE,
    /** Open time before the previous candle's: not published. */
    OUT_OF_ORDER;

    /** Whether a candle with this flag is refused rather than published with the flag. */
    public boolean refusesCandle() {
        return this == DUPLICATE || this == OUT_OF_ORDER;
    }
}
