/** What the service offers its driving adapters (Kafka listeners, REST): place orders, observe candles, read orders. */
package dev.peregrine.execution.application.port.in;
