/**
 * Daily and weekly reports: building one from the stored facts of a UTC period ({@link
 * dev.peregrine.monitor.application.report.BuildReportService}) and sending its summary once through the alert delivery
 * ({@link dev.peregrine.monitor.application.report.SendReportsService}).
 */
package dev.peregrine.monitor.application.report;
