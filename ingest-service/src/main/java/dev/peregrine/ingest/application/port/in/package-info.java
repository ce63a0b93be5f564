/** What adapters may ask of ingest: start, cancel and look up replay runs; the live feed's health and audit trail. */
package dev.peregrine.ingest.application.port.in;
