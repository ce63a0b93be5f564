/** PostgreSQL storage of candles, rejections and replay runs in schema {@code ingest}, through {@code JdbcClient}. */
package dev.peregrine.ingest.adapter.out.jdbc;
