/**
 * Daily and weekly reports in plain Java: the UTC period ({@link dev.peregrine.monitor.domain.report.ReportPeriod}),
 * the facts stored about it, the report built from them with the quality statistics, and its short text summary.
 */
package dev.peregrine.monitor.domain.report;
