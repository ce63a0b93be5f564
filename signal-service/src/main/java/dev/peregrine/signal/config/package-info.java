/**
 * Spring wiring of signal-service: the typed {@code peregrine.signal.*} configuration and the
 * construction of the use cases with their ports.
 */
package dev.peregrine.signal.config;
