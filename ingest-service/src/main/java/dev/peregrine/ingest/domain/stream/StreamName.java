package dev.peregrine.ingest.domain.stream;

import static dev.peregrine.ingest.domain.stream.RejectionText.shown;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.RejectionReason;

/**
 * What a combined stream's name ({@code btcusdt@kline_1m}, {@code ethusdt@depth@100ms}) says its payload is, and
 * the check that the payload agrees: a message on the wrong stream is a mismatch, not data.
 */
record StreamName(String name, Symbol symbol, MessageKind kind, Interval interval) {

    static StreamName parse(String name) {
        int at = name.indexOf('@');
        if (at <= 0) {
            throw new FieldRejection(
                    RejectionReason.UNKNOWN_MESSAGE, "stream name '" + shown(name) + "' is not <symbol>@<stream type>");
        }
        Symbol symbol;
        try {
            symbol = Symbol.parseLenient(name.substring(0, at));
        } catch (IllegalArgumentException e) {
            throw new FieldRejection(RejectionReason.BAD_VALUE, "stream name '" + shown(name) + "': " + e.getMessage());
        }
        String type = name.substring(at + 1);
        if (type.startsWith("kline_")) {
            try {
                return new StreamName(name, symbol, MessageKind.KLINE, Interval.fromCode(type.substring(6)));
            } catch (IllegalArgumentException e) {
                throw new FieldRejection(
                        RejectionReason.UNKNOWN_MESSAGE, "stream '" + shown(name) + "': " + e.getMessage());
            }
        }
        MessageKind kind = switch (type) {
            case "aggTrade" -> MessageKind.AGG_TRADE;
            case "trade" -> MessageKind.TRADE;
            case "bookTicker" -> MessageKind.BOOK_TICKER;
            case "depth", "depth@100ms", "depth@1000ms" -> MessageKind.DEPTH_UPDATE;
            case "depth5",
                    "depth10",
                    "depth20",
                    "depth5@100ms",
                    "depth10@100ms",
                    "depth20@100ms",
                    "depth5@1000ms",
                    "depth10@1000ms",
                    "depth20@1000ms" -> MessageKind.DEPTH_SNAPSHOT;
            default ->
                throw new FieldRejection(
                        RejectionReason.UNKNOWN_MESSAGE,
                        "unknown stream type '" + shown(type) + "' in stream '" + shown(name) + "'");
        };
        return new StreamName(name, symbol, kind, null);
    }

    void check(MarketMessage message) {
        Symbol payloadSymbol = switch (message) {
            case StreamMessage.Kline k -> k.symbol();
            case StreamMessage.AggTrade t -> t.symbol();
            case StreamMessage.Trade t -> t.symbol();
            case StreamMessage.BookTicker b -> b.symbol();
            case StreamMessage.DepthUpdate d -> d.symbol();
            case StreamMessage.DepthSnapshot d -> symbol;
        };
        if (!payloadSymbol.equals(symbol)) {
            throw new FieldRejection(
                    RejectionReason.STREAM_MISMATCH, "stream '" + name + "' carries a message of " + payloadSymbol);
        }
        if (message instanceof StreamMessage.Kline k && k.interval() != interval) {
            throw new FieldRejection(
                    RejectionReason.STREAM_MISMATCH, "stream '" + name + "' carries a " + k.interval() + " kline");
        }
    }
}
