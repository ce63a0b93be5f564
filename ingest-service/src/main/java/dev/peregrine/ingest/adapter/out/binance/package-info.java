/**
 * Binance's REST API for the live feed: klines for the backfill and exchangeInfo for the instruments, over the
 * JDK's HTTP client (the connector's REST client does not show the Retry-After header), with the request weight,
 * 429 and 418 answers honoured and resilience4j retry, circuit breaker and rate limiter around every call. Also an
 * exchangeInfo snapshot file, read by the same parser, as the instrument source of replays.
 */
package dev.peregrine.ingest.adapter.out.binance;
