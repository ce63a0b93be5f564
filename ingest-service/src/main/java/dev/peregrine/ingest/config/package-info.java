/** Spring wiring of ingest: its typed configuration and the use cases built with their ports. */
package dev.peregrine.ingest.config;
