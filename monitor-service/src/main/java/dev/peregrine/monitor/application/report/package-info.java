/**
 * Daily and weekly reports: building one from the stored facts of a UTC period ({@link
 * dev.peregrine.monitor.application.report.BuildReport}) and sending its summary once through the alert delivery
 * ({@link dev.peregrine.monitor.application.report.SendReports}).
 */
package dev.peregrine.monitor.application.report;
