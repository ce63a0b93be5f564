/**
 * The data-quality rules: what each named rule checks, its severity and thresholds, and the per-feed state
 * (previous candle, rolling returns, recent trades, last update) the stateful rules need. Pure Java.
 */
package dev.peregrine.ingest.domain.quality;
