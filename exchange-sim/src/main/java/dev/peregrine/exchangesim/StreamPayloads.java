package dev.peregrine.exchangesim;

import tools.jackson.databind.node.ObjectNode;

/** Builds stream payloads in Binance's formats (see web-socket-streams.md). */
final class StreamPayloads {

    private StreamPayloads() {}

    /** The combined-stream envelope {@code {"stream":"<name>","data":<payload>}}. */
    static String combined(String stream, String dataJson) {
        return "{\"stream\":" + Json.MAPPER.writeValueAsString(stream) + ",\"data\":" + dataJson + "}";
    }

    /**
     * A {@code <symbol>@kline_<interval>} payload. Recorded files carry no trade ids, so {@code f}/{@code L} are
     * the running trade count of the series ({@code firstTradeId}), which keeps them increasing and consistent
     * with {@code n}; a kline without trades reports -1 for both, as Binance does.
     */
    static String kline(SeriesKey series, Kline kline, long firstTradeId, boolean closed, long eventTime) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.put("e", "kline");
        data.put("E", eventTime);
        data.put("s", series.symbol());
        ObjectNode k = data.putObject("k");
        k.put("t", kline.openTime().toEpochMilli());
        k.put("T", kline.closeTime().toEpochMilli());
        k.put("s", series.symbol());
        k.put("i", series.interval().code());
        k.put("f", kline.trades() == 0 ? -1 : firstTradeId);
        k.put("L", kline.trades() == 0 ? -1 : firstTradeId + kline.trades() - 1);
        k.put("o", Json.decimal(kline.open()));
        k.put("c", Json.decimal(kline.close()));
        k.put("h", Json.decimal(kline.high()));
        k.put("l", Json.decimal(kline.low()));
        k.put("v", Json.decimal(kline.volume()));
        k.put("n", kline.trades());
        k.put("x", closed);
        k.put("q", Json.decimal(kline.quoteVolume()));
        k.put("V", Json.decimal(kline.takerBuyBaseVolume()));
        k.put("Q", Json.decimal(kline.takerBuyQuoteVolume()));
        k.put("B", "0");
        return Json.MAPPER.writeValueAsString(data);
    }
}
