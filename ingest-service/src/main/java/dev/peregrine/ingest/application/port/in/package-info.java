/** What adapters may ask of ingest: start, cancel and look up replay runs. */
package dev.peregrine.ingest.application.port.in;
