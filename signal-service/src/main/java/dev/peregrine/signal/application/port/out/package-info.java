/**
 * What the use cases need from the outside world: storage of candles, debates, validations and strategy
 * changes, publishing of events, and metrics. Implemented by the adapters.
 */
package dev.peregrine.signal.application.port.out;
