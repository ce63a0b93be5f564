package dev.peregrine.ingest.domain.stream;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.RejectionReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads Binance spot WebSocket messages, combined ({@code {"stream":"btcusdt@trade","data":{...}}}) or raw (the
 * payload alone): {@code kline}, {@code aggTrade}, {@code trade}, {@code bookTicker} (no event type),
 * {@code depthUpdate}, and book snapshots ({@code lastUpdateId}, {@code bids}, {@code asks}). Anything else, and
 * anything broken, is a {@link StreamMessage.Rejected} with a reason: this method never throws, because one bad
 * message must not stop a feed.
 *
 * <p>Why hand-rolled and in the domain rather than Jackson in an adapter: what makes a message valid (required
 * fields, no NaN, no negative quantity, a stream name that agrees with its payload) is a domain rule that the
 * live adapter, the capture replay and their tests must share, and the domain may not use Jackson. Behind a port
 * the rules would sit in the adapter, out of the domain's tests, with a JSON-to-domain mapping as large as this
 * reader. The messages are small, flat and of a fixed shape, so a strict reader ({@link Json}) of a few hundred
 * lines does the job; it keeps numbers as their text, so prices stay exact decimals, and it tells a line cut
 * short from one that is wrong. It reads a few hundred thousand messages a second, far above a feed's rate.
 */
public final class BinanceStreamParser {

    /** Same limits as the kline CSV parser and the event values: at most 18 decimals, 20 integer digits. */
    private static final int MAX_DECIMALS = 18;
    private static final int MAX_INTEGER_DIGITS = 20;
    private static final long MICROS_FROM = 1_000_000_000_000_000L;
    private static final long MILLIS_BELOW = 10_000_000_000_000L;
    private static final long MICROS_BELOW = 100_000_000_000_000_000L;
    private static final int SHOWN = 60;

    public StreamMessage parse(String message) {
        if (message == null || message.isBlank()) {
            return new StreamMessage.Rejected(RejectionReason.EMPTY_LINE, "the message is empty");
        }
        Object root;
        try {
            root = Json.parse(message);
        } catch (Json.Failure failure) {
            return new StreamMessage.Rejected(failure.truncated() ? RejectionReason.TRUNCATED
                    : RejectionReason.MALFORMED_JSON, failure.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            return new StreamMessage.Rejected(RejectionReason.UNKNOWN_MESSAGE, "expected a JSON object, found "
                    + describe(root));
        }
        try {
            Fields top = new Fields(map, "");
            if (!top.has("stream") && !top.has("data")) {
                return payload(top, null);
            }
            String streamName = top.string("stream");
            return payload(top.object("data"), Stream.parse(streamName));
        } catch (Rejection rejection) {
            return rejection.rejected;
        }
    }

    private static MarketMessage payload(Fields data, Stream stream) {
        MessageKind kind = kindOf(data);
        if (stream != null && stream.kind != kind) {
            throw new Rejection(RejectionReason.STREAM_MISMATCH, "stream '" + stream.name + "' carries a "
                    + kind + " payload, expected " + stream.kind);
        }
        MarketMessage message = switch (kind) {
            case KLINE -> kline(data);
            case AGG_TRADE -> aggTrade(data);
            case TRADE -> trade(data);
            case BOOK_TICKER -> bookTicker(data);
            case DEPTH_UPDATE -> depthUpdate(data);
            case DEPTH_SNAPSHOT -> new StreamMessage.DepthSnapshot(
                    stream == null ? Optional.empty() : Optional.of(stream.symbol),
                    data.nonNegativeLong("lastUpdateId"),
                    data.levels("bids"), data.levels("asks"));
        };
        if (stream != null) {
            stream.check(message);
        }
        return message;
    }

    private static MessageKind kindOf(Fields data) {
        if (data.has("e")) {
            String event = data.string("e");
            return switch (event) {
                case "kline" -> MessageKind.KLINE;
                case "aggTrade" -> MessageKind.AGG_TRADE;
                case "trade" -> MessageKind.TRADE;
                case "depthUpdate" -> MessageKind.DEPTH_UPDATE;
                default -> throw new Rejection(RejectionReason.UNKNOWN_MESSAGE, "unknown event type '"
                        + shown(event) + "'");
            };
        }
        if (data.has("lastUpdateId")) {
            return MessageKind.DEPTH_SNAPSHOT;
        }
        if (data.has("u") && data.has("b") && data.has("a")) {
            return MessageKind.BOOK_TICKER;
        }
        throw new Rejection(RejectionReason.UNKNOWN_MESSAGE, "neither an event type 'e' nor the fields of a book "
                + "ticker (u, s, b, B, a, A) or book snapshot (lastUpdateId, bids, asks)");
    }

    private static StreamMessage.Kline kline(Fields data) {
        Instant eventTime = data.time("E");
        Symbol symbol = data.symbol("s");
        Fields k = data.object("k");
        Instant openTime = k.time("t");
        Instant closeTime = k.time("T");
        if (!closeTime.isAfter(openTime)) {
            throw new Rejection(RejectionReason.BAD_TIMESTAMP, k.path() + "T " + closeTime + " is not after "
                    + k.path() + "t " + openTime);
        }
        Symbol klineSymbol = k.symbol("s");
        if (!klineSymbol.equals(symbol)) {
            throw new Rejection(RejectionReason.BAD_VALUE, k.path() + "s " + klineSymbol + " differs from "
                    + data.path()
                    + "s " + symbol);
        }
        return new StreamMessage.Kline(eventTime, symbol, k.interval("i"), openTime, closeTime,
                k.price("o"), k.price("h"), k.price("l"), k.price("c"), k.amount("v"), k.amount("q"),
                k.nonNegativeLong("n"), k.amount("V"), k.amount("Q"), k.bool("x"));
    }

    private static StreamMessage.AggTrade aggTrade(Fields data) {
        return new StreamMessage.AggTrade(data.time("E"), data.symbol("s"), data.nonNegativeLong("a"), data.price("p"),
                data.amount("q"), data.nonNegativeLong("f"), data.nonNegativeLong("l"), data.time("T"), data.bool("m"));
    }

    private static StreamMessage.Trade trade(Fields data) {
        return new StreamMessage.Trade(data.time("E"), data.symbol("s"), data.nonNegativeLong("t"), data.price("p"),
                data.amount("q"), data.time("T"), data.bool("m"));
    }

    private static StreamMessage.BookTicker bookTicker(Fields data) {
        return new StreamMessage.BookTicker(data.symbol("s"), data.nonNegativeLong("u"), data.amount("b"),
                data.amount("B"), data.amount("a"), data.amount("A"));
    }

    private static StreamMessage.DepthUpdate depthUpdate(Fields data) {
        long first = data.nonNegativeLong("U");
        long last = data.nonNegativeLong("u");
        if (last < first) {
            throw new Rejection(RejectionReason.BAD_VALUE, "final update id u " + last + " is before first update id U "
                    + first);
        }
        return new StreamMessage.DepthUpdate(data.time("E"), data.symbol("s"), first, last, data.levels("b"),
                data.levels("a"));
    }

    private static String describe(Object value) {
        return switch (value) {
            case Map<?, ?> ignored -> "an object";
            case List<?> ignored -> "an array";
            case String ignored -> "a string";
            case Json.Number ignored -> "a number";
            case Boolean ignored -> "a boolean";
            default -> "null";
        };
    }

    private static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }

    /** What a combined stream's name says its payload is. */
    private record Stream(String name, Symbol symbol, MessageKind kind, Interval interval) {

        static Stream parse(String name) {
            int at = name.indexOf('@');
            if (at <= 0) {
                throw new Rejection(RejectionReason.UNKNOWN_MESSAGE, "stream name '" + shown(name)
                        + "' is not <symbol>@<stream type>");
            }
            Symbol symbol;
            try {
                symbol = Symbol.parseLenient(name.substring(0, at));
            } catch (IllegalArgumentException e) {
                throw new Rejection(RejectionReason.BAD_VALUE, "stream name '" + shown(name) + "': " + e.getMessage());
            }
            String type = name.substring(at + 1);
            if (type.startsWith("kline_")) {
                try {
                    return new Stream(name, symbol, MessageKind.KLINE, Interval.fromCode(type.substring(6)));
                } catch (IllegalArgumentException e) {
                    throw new Rejection(RejectionReason.UNKNOWN_MESSAGE, "stream '" + shown(name) + "': "
                            + e.getMessage());
                }
            }
            MessageKind kind = switch (type) {
                case "aggTrade" -> MessageKind.AGG_TRADE;
                case "trade" -> MessageKind.TRADE;
                case "bookTicker" -> MessageKind.BOOK_TICKER;
                case "depth", "depth@100ms", "depth@1000ms" -> MessageKind.DEPTH_UPDATE;
                case "depth5", "depth10", "depth20", "depth5@100ms", "depth10@100ms", "depth20@100ms",
                     "depth5@1000ms", "depth10@1000ms", "depth20@1000ms" -> MessageKind.DEPTH_SNAPSHOT;
                default -> throw new Rejection(RejectionReason.UNKNOWN_MESSAGE, "unknown stream type '"
                        + shown(type) + "' in stream '" + shown(name) + "'");
            };
            return new Stream(name, symbol, kind, null);
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
                throw new Rejection(RejectionReason.STREAM_MISMATCH, "stream '" + name + "' carries a message of "
                        + payloadSymbol);
            }
            if (message instanceof StreamMessage.Kline k && k.interval() != interval) {
                throw new Rejection(RejectionReason.STREAM_MISMATCH, "stream '" + name + "' carries a "
                        + k.interval() + " kline");
            }
        }
    }

    /** Field access that turns the first bad field into a rejection naming it and its value. */
    private record Fields(Map<?, ?> map, String path) {

        boolean has(String name) {
            return map.containsKey(name);
        }

        private Object get(String name) {
            Object value = map.get(name);
            if (value == null) {
                throw new Rejection(RejectionReason.MISSING_FIELD, "field " + path + name + " is missing");
            }
            return value;
        }

        private Rejection wrongType(String name, String expected, Object value) {
            return new Rejection(RejectionReason.WRONG_TYPE, "field " + path + name + " should be " + expected
                    + ", is " + describe(value));
        }

        String string(String name) {
            Object value = get(name);
            if (value instanceof String text) {
                return text;
            }
            throw wrongType(name, "a string", value);
        }

        Fields object(String name) {
            Object value = get(name);
            if (value instanceof Map<?, ?> inner) {
                return new Fields(inner, path + name + ".");
            }
            throw wrongType(name, "an object", value);
        }

        boolean bool(String name) {
            Object value = get(name);
            if (value instanceof Boolean flag) {
                return flag;
            }
            throw wrongType(name, "true or false", value);
        }

        Symbol symbol(String name) {
            return converted(name, Symbol::of);
        }

        Interval interval(String name) {
            return converted(name, Interval::fromCode);
        }

        /** A text field through a value type's factory, whose refusal becomes a BAD_VALUE rejection. */
        private <T> T converted(String name, Function<String, T> factory) {
            String text = string(name);
            try {
                return factory.apply(text);
            } catch (IllegalArgumentException e) {
                throw new Rejection(RejectionReason.BAD_VALUE, "field " + path + name + ": " + e.getMessage());
            }
        }

        long nonNegativeLong(String name) {
            Object value = get(name);
            if (!(value instanceof Json.Number number)) {
                throw wrongType(name, "a whole number", value);
            }
            String text = number.text();
            if (isNonFinite(text)) {
                throw new Rejection(RejectionReason.NOT_FINITE, "field " + path + name + " is not a finite number: "
                        + text);
            }
            long parsed;
            try {
                parsed = Long.parseLong(text);
            } catch (NumberFormatException e) {
                boolean whole = text.chars().allMatch(c -> c == '-' || Character.isDigit(c));
                throw new Rejection(whole ? RejectionReason.OUT_OF_RANGE : RejectionReason.NOT_A_NUMBER,
                        "field " + path + name + (whole ? " does not fit 64 bits: " : " is not a whole number: ")
                                + shown(text));
            }
            if (parsed < 0) {
                throw new Rejection(RejectionReason.NEGATIVE_VALUE, "field " + path + name + " is negative: " + text);
            }
            return parsed;
        }

        Instant time(String name) {
            Object value = get(name);
            if (!(value instanceof Json.Number number)) {
                throw wrongType(name, "epoch milliseconds", value);
            }
            long parsed;
            try {
                parsed = Long.parseLong(number.text());
            } catch (NumberFormatException e) {
                throw new Rejection(RejectionReason.BAD_TIMESTAMP, "field " + path + name
                        + " is not an epoch-millisecond integer: " + shown(number.text()));
            }
            if (parsed < 0) {
                throw new Rejection(RejectionReason.BAD_TIMESTAMP, "field " + path + name + " is negative: " + parsed);
            }
            if (parsed < MILLIS_BELOW) {
                return Instant.ofEpochMilli(parsed);
            }
            // Binance sends microseconds when a connection asks for timeUnit=MICROSECOND.
            if (parsed >= MICROS_FROM && parsed < MICROS_BELOW) {
                return Instant.ofEpochSecond(parsed / 1_000_000, (parsed % 1_000_000) * 1_000);
            }
            throw new Rejection(RejectionReason.BAD_TIMESTAMP, "field " + path + name
                    + " is neither epoch milliseconds nor microseconds: " + parsed);
        }

        /** A price: a positive decimal. */
        BigDecimal price(String name) {
            BigDecimal value = amount(name);
            if (value.signum() == 0) {
                throw new Rejection(RejectionReason.ZERO_PRICE, "field " + path + name + " is a zero price");
            }
            return value;
        }

        /** A quantity or volume: a decimal of zero or more. */
        BigDecimal amount(String name) {
            return amount(name, get(name));
        }

        private BigDecimal amount(String name, Object value) {
            String text;
            if (value instanceof String string) {
                text = string;
            } else if (value instanceof Json.Number number) {
                text = number.text();
            } else {
                throw wrongType(name, "a decimal", value);
            }
            if (isNonFinite(text)) {
                throw new Rejection(RejectionReason.NOT_FINITE, "field " + path + name + " is not a finite number: '"
                        + shown(text) + "'");
            }
            BigDecimal parsed;
            try {
                parsed = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new Rejection(RejectionReason.NOT_A_NUMBER, "field " + path + name + " is not a decimal number: '"
                        + shown(text) + "'");
            }
            if (parsed.scale() > MAX_DECIMALS || (long) parsed.precision() - parsed.scale() > MAX_INTEGER_DIGITS) {
                throw new Rejection(RejectionReason.OUT_OF_RANGE, "field " + path + name + " has more than "
                        + MAX_DECIMALS + " decimals or " + MAX_INTEGER_DIGITS + " integer digits: '" + shown(text)
                        + "'");
            }
            if (parsed.signum() < 0) {
                throw new Rejection(RejectionReason.NEGATIVE_VALUE, "field " + path + name + " is negative: '"
                        + shown(text) + "'");
            }
            return parsed;
        }

        /** Book levels {@code [["price", "quantity"], ...]}: a positive price, a quantity of zero (removed) or more. */
        List<StreamMessage.PriceLevel> levels(String name) {
            Object value = get(name);
            if (!(value instanceof List<?> rows)) {
                throw wrongType(name, "an array of [price, quantity]", value);
            }
            List<StreamMessage.PriceLevel> levels = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String level = name + "[" + i + "]";
                if (!(rows.get(i) instanceof List<?> pair) || pair.size() < 2) {
                    throw wrongType(level, "a [price, quantity] pair", rows.get(i));
                }
                BigDecimal price = amount(level + "[0]", pair.get(0));
                if (price.signum() == 0) {
                    throw new Rejection(RejectionReason.ZERO_PRICE, "field " + path + level + "[0] is a zero price");
                }
                levels.add(new StreamMessage.PriceLevel(price, amount(level + "[1]", pair.get(1))));
            }
            return levels;
        }

        private static boolean isNonFinite(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            return lower.equals("nan") || lower.endsWith("infinity") || lower.endsWith("inf")
                    || lower.equals("+nan") || lower.equals("-nan");
        }
    }

    /** Internal control flow only: never leaves {@link #parse(String)}. */
    private static final class Rejection extends RuntimeException {

        private final StreamMessage.Rejected rejected;

        Rejection(RejectionReason reason, String detail) {
            super(detail, null, false, false);
            this.rejected = new StreamMessage.Rejected(reason, detail);
        }
    }
}
