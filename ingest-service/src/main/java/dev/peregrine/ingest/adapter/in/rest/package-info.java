/** The operator API of ingest: start, cancel and list replay runs under {@code /api/v1/replays}. */
package dev.peregrine.ingest.adapter.in.rest;
