/**
 * The alert use cases in plain Java: recording each {@code AlertRaised} once with its deliveries (rate-limited per
 * de-duplication key), and dispatching due deliveries to their channels with retry and exponential back-off.
 * Storage, channels and metrics are reached through the ports in {@code port.out}.
 */
package dev.peregrine.monitor.application.alert;
