/**
 * Peregrine's event contracts: the {@link dev.peregrine.common.Topics} every service publishes to and
 * reads from, the typed values that travel in events, the events themselves and the one JSON codec.
 * Nothing here knows about Spring or Kafka clients, so any service (or tool) can depend on it.
 */
package dev.peregrine.common;
