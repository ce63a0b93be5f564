/** What the outside world (Kafka listeners, the REST API) may ask signal-service to do. */
package dev.peregrine.signal.application.port.in;
