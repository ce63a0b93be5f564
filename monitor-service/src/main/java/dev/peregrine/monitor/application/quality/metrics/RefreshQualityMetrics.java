package dev.peregrine.monitor.application.quality.metrics;

/** Recomputes the quality figures exported as metrics. */
public interface RefreshQualityMetrics {

    /** @return how many strategies × horizons were refreshed */
    int refresh();
}
