package dev.peregrine.monitor.config.quality;

import dev.peregrine.monitor.application.quality.MeasuredOutcomes;
import dev.peregrine.monitor.application.quality.metrics.QualityMetrics;
import dev.peregrine.monitor.application.quality.metrics.RefreshQualityMetrics;
import dev.peregrine.monitor.application.quality.metrics.RefreshQualityMetricsService;
import dev.peregrine.monitor.config.MonitorProperties;
import dev.peregrine.monitor.config.ScheduledJob;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.PeriodicTrigger;

/** The quality gauges: refreshed at start and then every refresh interval, at every outcome horizon. */
@Configuration(proxyBeanMethods = false)
public class QualityMetricsConfiguration {

    @Bean
    RefreshQualityMetrics refreshQualityMetrics(
            MeasuredOutcomes outcomes,
            QualityMetrics metrics,
            MonitorProperties monitor,
            QualityMetricsProperties properties,
            Clock clock) {
        return new RefreshQualityMetricsService(
                outcomes, metrics, monitor.outcomes().horizons(), properties.lookback(), clock);
    }

    @Bean
    ScheduledJob qualityMetricsJob(RefreshQualityMetrics refresh, QualityMetricsProperties properties, Clock clock) {
        PeriodicTrigger trigger = new PeriodicTrigger(properties.refreshInterval());
        trigger.setInitialDelay(Duration.ZERO);
        return new ScheduledJob("quality-metrics", trigger, refresh::refresh, properties.enabled(), clock);
    }
}
