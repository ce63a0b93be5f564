/**
 * Operator REST API under {@code /api/v1/strategies}: list strategies (VIEWER), pause and resume them
 * (OPERATOR). Roles are enforced by the platform's bearer-token security.
 */
package dev.peregrine.signal.adapter.in.rest;
