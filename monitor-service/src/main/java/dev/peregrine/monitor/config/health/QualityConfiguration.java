package dev.peregrine.monitor.config.health;

import dev.peregrine.monitor.application.quality.MeasuredOutcomes;
import dev.peregrine.monitor.application.quality.QueryQuality;
import dev.peregrine.monitor.application.quality.QueryQualityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The quality and comparison queries over the stored outcomes. */
@Configuration(proxyBeanMethods = false)
public class QualityConfiguration {

    @Bean
    QueryQuality queryQuality(MeasuredOutcomes outcomes) {
        return new QueryQualityService(outcomes);
    }
}
