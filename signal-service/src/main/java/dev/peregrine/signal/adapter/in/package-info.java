/** Driving adapters: Kafka listeners and the REST API that call the use cases. */
package dev.peregrine.signal.adapter.in;
