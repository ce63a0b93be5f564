/** {@link dev.peregrine.monitor.application.report.ReportSource} on the monitor's PostgreSQL tables. */
package dev.peregrine.monitor.adapter.out.jdbc.report;
