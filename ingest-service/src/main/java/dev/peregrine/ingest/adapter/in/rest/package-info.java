/**
 * The operator API of ingest: start, cancel and list replay runs under {@code /api/v1/replays}; the live feed's
 * connection events under {@code /api/v1/connections}.
 */
package dev.peregrine.ingest.adapter.in.rest;
