package dev.peregrine.ingest;

import dev.peregrine.ingest.domain.Candle;
import java.time.Instant;
import java.util.Locale;

/** Binance combined-stream messages for tests, as the exchange writes them. */
public final class StreamMessages {

    private StreamMessages() {}

    public static String kline(Candle c, boolean closed, Instant eventTime) {
        String stream = c.symbol().value().toLowerCase(Locale.ROOT) + "@kline_"
                + c.interval().code();
        return "{\"stream\":\"" + stream + "\",\"data\":{\"e\":\"kline\",\"E\":" + eventTime.toEpochMilli()
                + ",\"s\":\"" + c.symbol() + "\",\"k\":{\"t\":" + c.openTime().toEpochMilli() + ",\"T\":"
                + c.closeTime().toEpochMilli() + ",\"s\":\"" + c.symbol() + "\",\"i\":\""
                + c.interval().code()
                + "\",\"f\":100,\"L\":200,\"o\":\"" + c.open().toPlainString() + "\",\"c\":\""
                + c.close().toPlainString()
                + "\",\"h\":\"" + c.high().toPlainString() + "\",\"l\":\""
                + c.low().toPlainString() + "\",\"v\":\""
                + c.volume().toPlainString() + "\",\"n\":" + c.trades() + ",\"x\":" + closed + ",\"q\":\""
                + c.quoteVolume().toPlainString() + "\",\"V\":\""
                + c.takerBuyBaseVolume().toPlainString()
                + "\",\"Q\":\""
                + c.takerBuyQuoteVolume().toPlainString() + "\",\"B\":\"0\"}}}";
    }

    /** The closed kline, sent at its close time. */
    public static String closed(Candle c) {
        return kline(c, true, c.closeTime().plusMillis(1));
    }

    public static String aggTrade(String symbol, long id, String price, Instant time) {
        return "{\"stream\":\"" + symbol.toLowerCase(Locale.ROOT) + "@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":"
                + time.toEpochMilli() + ",\"s\":\"" + symbol + "\",\"a\":" + id + ",\"p\":\"" + price
                + "\",\"q\":\"0.5\",\"f\":" + id + ",\"l\":" + id + ",\"T\":" + time.toEpochMilli()
                + ",\"m\":false,\"M\":true}}";
    }
}
