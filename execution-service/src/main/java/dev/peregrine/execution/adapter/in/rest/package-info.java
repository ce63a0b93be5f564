/** Read-only HTTP API under {@code /api/v1/orders}: orders with their state, fills and audit trail. */
package dev.peregrine.execution.adapter.in.rest;
