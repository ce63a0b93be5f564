package dev.peregrine.ingest.domain.stream;

import static dev.peregrine.ingest.domain.stream.RejectionText.describe;
import static dev.peregrine.ingest.domain.stream.RejectionText.shown;

import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.RejectionReason;
import java.util.Map;
import java.util.Optional;

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
 *
 * <p>This class only finds the payload and its kind; the stream name's rules are in {@link StreamName}, the field
 * rules in {@link PayloadFields}, and each stream type's payload in {@link KlinePayload}, {@link TradePayloads} and
 * {@link BookPayloads}.
 */
public final class BinanceStreamParser {

    public StreamMessage parse(String message) {
        if (message == null || message.isBlank()) {
            return new StreamMessage.Rejected(RejectionReason.EMPTY_LINE, "the message is empty");
        }
        Object root;
        try {
            root = Json.parse(message);
        } catch (Json.Failure failure) {
            return new StreamMessage.Rejected(
                    failure.truncated() ? RejectionReason.TRUNCATED : RejectionReason.MALFORMED_JSON,
                    failure.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            return new StreamMessage.Rejected(
                    RejectionReason.UNKNOWN_MESSAGE, "expected a JSON object, found " + describe(root));
        }
        try {
            PayloadFields top = new PayloadFields(map, "");
            if (!top.has("stream") && !top.has("data")) {
                return payload(top, null);
            }
            String streamName = top.string("stream");
            return payload(top.object("data"), StreamName.parse(streamName));
        } catch (FieldRejection rejection) {
            return rejection.rejected();
        }
    }

    private static MarketMessage payload(PayloadFields data, StreamName stream) {
        MessageKind kind = kindOf(data);
        if (stream != null && stream.kind() != kind) {
            throw new FieldRejection(
                    RejectionReason.STREAM_MISMATCH,
                    "stream '" + stream.name() + "' carries a " + kind + " payload, expected " + stream.kind());
        }
        MarketMessage message = switch (kind) {
            case KLINE -> KlinePayload.read(data);
            case AGG_TRADE -> TradePayloads.aggTrade(data);
            case TRADE -> TradePayloads.trade(data);
            case BOOK_TICKER -> BookPayloads.bookTicker(data);
            case DEPTH_UPDATE -> BookPayloads.depthUpdate(data);
            case DEPTH_SNAPSHOT ->
                BookPayloads.depthSnapshot(data, stream == null ? Optional.empty() : Optional.of(stream.symbol()));
        };
        if (stream != null) {
            stream.check(message);
        }
        return message;
    }

    private static MessageKind kindOf(PayloadFields data) {
        if (data.has("e")) {
            String event = data.string("e");
            return switch (event) {
                case "kline" -> MessageKind.KLINE;
                case "aggTrade" -> MessageKind.AGG_TRADE;
                case "trade" -> MessageKind.TRADE;
                case "depthUpdate" -> MessageKind.DEPTH_UPDATE;
                default ->
                    throw new FieldRejection(
                            RejectionReason.UNKNOWN_MESSAGE, "unknown event type '" + shown(event) + "'");
            };
        }
        if (data.has("lastUpdateId")) {
            return MessageKind.DEPTH_SNAPSHOT;
        }
        if (data.has("u") && data.has("b") && data.has("a")) {
            return MessageKind.BOOK_TICKER;
        }
        throw new FieldRejection(
                RejectionReason.UNKNOWN_MESSAGE,
                "neither an event type 'e' nor the fields of a book "
                        + "ticker (u, s, b, B, a, A) or book snapshot (lastUpdateId, bids, asks)");
    }
}
