/**
 * PostgreSQL storage of the {@code signal} schema through {@link org.springframework.jdbc.core.simple.JdbcClient}:
 * validated signals, strategy states and their audit trail. Every SQL statement names its schema.
 */
package dev.peregrine.signal.adapter.out.jdbc;
