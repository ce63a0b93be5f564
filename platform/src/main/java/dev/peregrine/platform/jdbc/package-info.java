/** JDBC conversions every service's PostgreSQL adapters share. */
package dev.peregrine.platform.jdbc;
