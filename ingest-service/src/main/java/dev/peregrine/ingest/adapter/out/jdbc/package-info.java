/**
 * PostgreSQL storage in schema {@code ingest} through {@code JdbcClient}: candles, rejections, replay runs,
 * instruments and the live feed's connection events, and the retention sweep's chunked deletes of old rows.
 */
package dev.peregrine.ingest.adapter.out.jdbc;
