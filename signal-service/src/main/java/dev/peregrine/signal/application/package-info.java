/**
 * Use cases of signal-service in plain Java: evaluating closed candles into validated signals, and
 * changing a strategy's lifecycle state. They reach storage, Kafka and metrics only through the ports
 * in {@code port.out} and are wired by {@code dev.peregrine.signal.config}.
 */
package dev.peregrine.signal.application;
