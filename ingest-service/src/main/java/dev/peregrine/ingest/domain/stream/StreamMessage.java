package dev.peregrine.ingest.domain.stream;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.Series;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Binance WebSocket message as {@link BinanceStreamParser} read it: a {@link MarketMessage} of a known kind,
 * or {@link Rejected} with the reason. Prices and quantities are exact decimals as Binance wrote them.
 */
public sealed interface StreamMessage permits MarketMessage, StreamMessage.Rejected {

    /** A message that could not be read; {@code reason} is a stable code, {@code detail} says what was wrong. */
    record Rejected(RejectionReason reason, String detail) implements StreamMessage {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * A kline update; Binance sends one every couple of seconds while the kline is open and a last one with
     * {@code closed} true.
     */
    record Kline(
            Instant eventTime,
            Symbol symbol,
            Interval interval,
            Instant openTime,
            Instant closeTime,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal close,
            BigDecimal volume,
            BigDecimal quoteVolume,
            long trades,
            BigDecimal takerBuyBaseVolume,
            BigDecimal takerBuyQuoteVolume,
            boolean closed)
            implements MarketMessage {

        public Kline {
            Objects.requireNonNull(eventTime, "eventTime");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(interval, "interval");
        }

        @Override
        public MessageKind kind() {
            return MessageKind.KLINE;
        }

        public Series series() {
            return new Series(symbol, interval);
        }

        /** The candle, the same value a kline CSV line gives, for the same quality rules and storage. */
        public Candle toCandle() {
            return new Candle(
                    symbol,
                    interval,
                    openTime,
                    closeTime,
                    open,
                    high,
                    low,
                    close,
                    volume,
                    quoteVolume,
                    trades,
                    takerBuyBaseVolume,
                    takerBuyQuoteVolume);
        }
    }

    record AggTrade(
            Instant eventTime,
            Symbol symbol,
            long aggregateTradeId,
            BigDecimal price,
            BigDecimal quantity,
            long firstTradeId,
            long lastTradeId,
            Instant tradeTime,
            boolean buyerIsMaker)
            implements MarketMessage {

        public AggTrade {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(tradeTime, "tradeTime");
        }

        @Override
        public MessageKind kind() {
            return MessageKind.AGG_TRADE;
        }
    }

    record Trade(
            Instant eventTime,
            Symbol symbol,
            long tradeId,
            BigDecimal price,
            BigDecimal quantity,
            Instant tradeTime,
            boolean buyerIsMaker)
            implements MarketMessage {

        public Trade {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(tradeTime, "tradeTime");
        }

        @Override
        public MessageKind kind() {
            return MessageKind.TRADE;
        }
    }

    /** Best bid and ask. A price of zero means that side of the book is empty. */
    record BookTicker(
            Symbol symbol,
            long updateId,
            BigDecimal bidPrice,
            BigDecimal bidQuantity,
            BigDecimal askPrice,
            BigDecimal askQuantity)
            implements MarketMessage {

        public BookTicker {
            Objects.requireNonNull(symbol, "symbol");
        }

        @Override
        public MessageKind kind() {
            return MessageKind.BOOK_TICKER;
        }
    }

    /**
     * Changes to the book between update ids {@code firstUpdateId} and {@code finalUpdateId}; quantity 0 removes a
     * level.
     */
    record DepthUpdate(
            Instant eventTime,
            Symbol symbol,
            long firstUpdateId,
            long finalUpdateId,
            List<PriceLevel> bids,
            List<PriceLevel> asks)
            implements MarketMessage {

        public DepthUpdate {
            Objects.requireNonNull(symbol, "symbol");
            bids = List.copyOf(bids);
            asks = List.copyOf(asks);
        }

        @Override
        public MessageKind kind() {
            return MessageKind.DEPTH_UPDATE;
        }
    }

    /** @param symbol from the stream name; empty for a REST snapshot, which does not name its symbol */
    record DepthSnapshot(Optional<Symbol> symbol, long lastUpdateId, List<PriceLevel> bids, List<PriceLevel> asks)
            implements MarketMessage {

        public DepthSnapshot {
            Objects.requireNonNull(symbol, "symbol");
            bids = List.copyOf(bids);
            asks = List.copyOf(asks);
        }

        @Override
        public MessageKind kind() {
            return MessageKind.DEPTH_SNAPSHOT;
        }
    }

    record PriceLevel(BigDecimal price, BigDecimal quantity) {
        public PriceLevel {
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(quantity, "quantity");
        }
    }
}
