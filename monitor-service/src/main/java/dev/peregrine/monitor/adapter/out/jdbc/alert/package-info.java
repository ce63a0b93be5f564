/**
 * {@link dev.peregrine.monitor.application.alert.port.out.AlertStore} on PostgreSQL: alerts, their deliveries and
 * the rate-limit windows, with row locks ({@code FOR UPDATE SKIP LOCKED}) and a lease so several instances can
 * dispatch side by side.
 */
package dev.peregrine.monitor.adapter.out.jdbc.alert;
