/**
 * PostgreSQL storage of orders, their audit trail and candle opens (schema {@code execution}) through
 * Spring's {@code JdbcClient}; an order and its new audit entries are written in one transaction.
 */
package dev.peregrine.execution.adapter.out.jdbc;
