/**
 * Operator REST API: {@code /api/v1/strategies} (list: VIEWER; pause, resume, weight: OPERATOR) and
 * {@code /api/v1/debates} (VIEWER). Roles are enforced by the platform's bearer-token security.
 */
package dev.peregrine.signal.adapter.in.rest;
