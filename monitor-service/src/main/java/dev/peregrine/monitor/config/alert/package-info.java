/**
 * Spring wiring of alert delivery: the validated {@code peregrine.monitor.alerts.*} settings (defaults in
 * {@link dev.peregrine.monitor.config.alert.AlertProperties}), the channels built from secrets in the environment or
 * mounted files, the use cases, and the scheduler that runs the dispatcher.
 */
package dev.peregrine.monitor.config.alert;
