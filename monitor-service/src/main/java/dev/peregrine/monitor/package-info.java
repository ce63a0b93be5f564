/**
 * monitor-service: watches the trading chain (validated signals, risk decisions, execution reports), records
 * it per correlation id and exposes it as metrics and a read-only API.
 */
package dev.peregrine.monitor;
