/** A symbol's trading rules as the exchange states them, and when they count as changed. */
package dev.peregrine.ingest.domain.instrument;
