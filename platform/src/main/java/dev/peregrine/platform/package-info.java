/**
 * The runtime every Peregrine service shares: how a service application is started
 * ({@link dev.peregrine.platform.PeregrineApplication}), and the auto-configuration that gives it the event
 * codec, clock, id generator, Kafka publishing with dead-lettering, bearer-token security and health.
 * Service-specific behaviour never lives here.
 */
package dev.peregrine.platform;
