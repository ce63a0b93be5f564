/**
 * Use cases of ingest: replaying a kline file into stored, published and quality-checked candles, and
 * starting, cancelling and listing replay runs. Plain Java that reaches the outside only through ports.
 */
package dev.peregrine.ingest.application;
