/**
 * PostgreSQL storage of orders, their audit trail and candles (schema {@code execution}) through Spring's
 * {@code JdbcClient}; the orders one write changes and their new audit entries are written in one transaction.
 */
package dev.peregrine.execution.adapter.out.jdbc;
