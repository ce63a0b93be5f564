/**
 * The rules of the live Binance feed, free of any connector: which streams go on which connection, how long to
 * wait before reconnecting, how a series' live and backfilled candles are put in order, and what is audited.
 */
package dev.peregrine.ingest.domain.live;
