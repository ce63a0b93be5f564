/** What the outside world (Kafka listeners, REST controllers) may ask of the monitor's use cases. */
package dev.peregrine.monitor.application.port.in;
