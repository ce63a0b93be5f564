/**
 * Alerts as the monitor delivers them, in plain Java: the {@link dev.peregrine.monitor.domain.alert.Alert} with
 * its derived de-duplication key and runbook line, the delivery channels and states, the exponential
 * {@link dev.peregrine.monitor.domain.alert.Backoff}, the per-key {@link dev.peregrine.monitor.domain.alert.RateLimiter}
 * and the text every channel sends ({@link dev.peregrine.monitor.domain.alert.AlertText}).
 */
package dev.peregrine.monitor.domain.alert;
