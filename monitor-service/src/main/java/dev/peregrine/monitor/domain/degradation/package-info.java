/**
 * When a strategy has degraded, as a pure statistical rule with its evidence (a one-sided CUSUM of standardised net
 * returns against a minimum expectancy, with a minimum sample and hysteresis), the Monte Carlo simulator that
 * measures the rule's two error rates and calibrates its defaults, and the weight proposal per strategy. No side
 * effects: pausing, alerting and recording are the application's job. Details: docs/monitoring.md.
 */
package dev.peregrine.monitor.domain.degradation;
