/**
 * Use cases of signal-service in plain Java: judging each closed candle with the analyst pipeline (series state,
 * panel, consensus, debate, validation; stored, then published; series rebuilt from stored candles after a
 * start), changing a strategy's lifecycle state or weight, and reading stored debates. They reach storage, Kafka
 * and metrics only through the ports in {@code port.out} and are wired by {@code dev.peregrine.signal.config}.
 */
package dev.peregrine.signal.application;
