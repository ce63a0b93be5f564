/**
 * Stores recorded steps in the {@code monitor} schema with {@code JdbcClient}: one insert per step, made
 * idempotent by primary keys and {@code ON CONFLICT DO NOTHING}.
 */
package dev.peregrine.monitor.adapter.out.jdbc;
