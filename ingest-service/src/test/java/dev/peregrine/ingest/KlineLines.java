package dev.peregrine.ingest;

import java.time.Instant;

/** Builds kline CSV lines in Binance's layout for tests. */
public final class KlineLines {

    public static final String HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,trades,"
            + "taker_buy_base_volume,taker_buy_quote_volume";
    public static final long FIFTEEN_MINUTES = 15 * 60 * 1000L;

    private KlineLines() {}

    /** A consistent 15m candle in slot {@code slot} after {@code start}, priced around {@code 100 + slot}. */
    public static String candle15m(Instant start, int slot) {
        long open = start.toEpochMilli() + slot * FIFTEEN_MINUTES;
        int base = 100 + slot;
        return line(
                open,
                open + FIFTEEN_MINUTES - 1,
                base + ".00000000",
                (base + 2) + ".50000000",
                (base - 1) + ".25000000",
                (base + 1) + ".00000000");
    }

    public static String line(long openTime, long closeTime, String open, String high, String low, String close) {
        return openTime + "," + open + "," + high + "," + low + "," + close + ",12.50000000," + closeTime
                + ",1262.50000000,42,6.25000000,631.25000000";
    }
}
