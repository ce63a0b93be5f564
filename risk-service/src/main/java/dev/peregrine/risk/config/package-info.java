/**
 * Spring wiring of risk-service: the validated {@code peregrine.risk.*} configuration and the
 * construction of the use cases with their ports.
 */
package dev.peregrine.risk.config;
