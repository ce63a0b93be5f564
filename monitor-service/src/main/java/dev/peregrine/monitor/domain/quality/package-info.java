/**
 * Signal quality as statistics over measured outcomes, in plain Java: hit rate with a Wilson interval, return
 * distribution, risk-adjusted ratios, drawdown, calibration (reliability table, Brier score) and grade monotonicity,
 * plus the distribution functions the other statistics packages share. Formulas: docs/monitoring.md.
 */
package dev.peregrine.monitor.domain.quality;
