package dev.peregrine.ingest.domain;

/** The Binance messages the parser knows; the names tag {@code peregrine.ingest.stream.messages{kind}}. */
public enum MessageKind {
    /** {@code <symbol>@kline_<interval>}: a kline, open or closed ({@code x}). */
    KLINE,
    /** {@code <symbol>@aggTrade}. */
    AGG_TRADE,
    /** {@code <symbol>@trade}. */
    TRADE,
    /** {@code <symbol>@bookTicker}: best bid and ask; the payload has no event type. */
    BOOK_TICKER,
    /** {@code <symbol>@depth[@100ms]}: an order book diff. */
    DEPTH_UPDATE,
    /**
     * A whole (partial) book with its {@code lastUpdateId}: the {@code <symbol>@depth<N>} streams, and the REST
     * {@code /api/v3/depth} snapshot a recorder writes into its capture to seed the book.
     */
    DEPTH_SNAPSHOT
}
