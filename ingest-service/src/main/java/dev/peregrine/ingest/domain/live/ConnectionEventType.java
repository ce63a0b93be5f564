package dev.peregrine.ingest.domain.live;

/** What happened to the feed's connections and REST calls; stored in {@code ingest.connection_events.type}. */
public enum ConnectionEventType {
    /** A stream connection opened (the first, or one after a reconnect). */
    CONNECTED,
    /** A stream connection ended; the detail says why (dropped, closed by the server, failed to open). */
    DISCONNECTED,
    /** A reconnect attempt starts after the back-off delay. */
    RECONNECTING,
    /** The planned reconnect before Binance's 24-hour cut-off: a new connection opens, then the old one closes. */
    PLANNED_RECONNECT,
    /** A REST backfill of a series was asked for; the range says which klines. */
    BACKFILL_REQUESTED,
    /** A REST backfill answered; the count says how many closed klines it brought. */
    BACKFILL_RECEIVED,
    /** A REST backfill gave up; the held live candles went on and the hole stays flagged GAP. */
    BACKFILL_FAILED,
    /** Binance answered 429 (too much request weight); no request is sent before its Retry-After passes. */
    RATE_LIMITED,
    /** Binance answered 418 (IP banned); no request is sent before the ban ends. */
    BANNED
}
