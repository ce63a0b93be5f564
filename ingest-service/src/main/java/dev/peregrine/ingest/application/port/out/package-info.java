/**
 * What ingest needs from the outside world: kline files, storage of candles, rejections and runs, event
 * publishing, metrics and a pacer that waits between candles.
 */
package dev.peregrine.ingest.application.port.out;
