/**
 * Metrics every service shares: the pipeline's per-stage latency, measured where a stage's input is consumed, for
 * the Pipeline dashboard.
 */
package dev.peregrine.platform.metrics;
