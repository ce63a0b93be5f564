/**
 * risk-service: turns validated signals into sized, approved order intents or reasoned denials. Packages
 * follow the hexagonal layout: {@code domain} (sizing rules), {@code application} (use cases and ports),
 * {@code adapter} (Kafka, REST, JDBC, metrics) and {@code config} (Spring wiring).
 */
package dev.peregrine.risk;
