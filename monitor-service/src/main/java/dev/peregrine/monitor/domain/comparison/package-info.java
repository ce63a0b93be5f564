/**
 * A/B comparison of two samples of outcomes (two strategies, or one before and after a change) with significance:
 * two-proportion z-test on hit rates, Welch's t-test on mean returns, confidence intervals of both differences and
 * the sample size per arm needed to detect them. Differences are always B − A. Formulas:
 * docs/monitoring.md.
 */
package dev.peregrine.monitor.domain.comparison;
