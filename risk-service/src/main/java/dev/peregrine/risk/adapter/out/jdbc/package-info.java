/** Keeps decisions and order intents in the {@code risk} schema of PostgreSQL, via Spring's JdbcClient. */
package dev.peregrine.risk.adapter.out.jdbc;
