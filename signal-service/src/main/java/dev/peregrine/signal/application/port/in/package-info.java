/**
 * What the outside world (Kafka listeners, the REST API) may ask signal-service to do: judge a closed candle,
 * change a strategy, read the stored debates.
 */
package dev.peregrine.signal.application.port.in;
