/**
 * What ingest needs from the outside world: kline files, the exchange's streams, klines and trading rules,
 * storage of candles, rejections, runs, instruments and connection events (and deletion of old ones), event
 * publishing, metrics, a pacer that waits between candles and the live feed's single thread.
 */
package dev.peregrine.ingest.application.port.out;
