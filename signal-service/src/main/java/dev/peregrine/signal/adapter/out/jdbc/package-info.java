/**
 * PostgreSQL storage of the {@code signal} schema through {@link org.springframework.jdbc.core.simple.JdbcClient}:
 * the candles each series applied, debates, validated signals, strategy states and their audit trail, with
 * the JSON documents of the history written by {@code SignalJson}. Every SQL statement names its schema.
 */
package dev.peregrine.signal.adapter.out.jdbc;
