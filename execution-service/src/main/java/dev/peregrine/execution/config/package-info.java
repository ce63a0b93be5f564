/**
 * Spring wiring: the validated {@code peregrine.execution.*} settings and the configuration that builds the
 * use cases, the safety checks and the venue from them.
 */
package dev.peregrine.execution.config;
