/** Starts the replay named in the configuration once the service is ready, without holding up start-up. */
package dev.peregrine.ingest.adapter.in.startup;
