package dev.peregrine.monitor.config.health;

import dev.peregrine.monitor.application.health.HealthAnnouncer;
import dev.peregrine.monitor.application.health.HealthMetrics;
import dev.peregrine.monitor.application.health.JudgeStrategies;
import dev.peregrine.monitor.application.health.JudgeStrategiesService;
import dev.peregrine.monitor.application.health.StrategyHealthStore;
import dev.peregrine.monitor.domain.degradation.CusumDegradationRule;
import dev.peregrine.monitor.domain.degradation.DegradationSettings;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The degradation rule from {@link AutoPauseProperties} and the use case that applies it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AutoPauseProperties.class)
public class AutoPauseConfiguration {

    @Bean
    JudgeStrategies judgeStrategies(
            AutoPauseProperties properties,
            StrategyHealthStore store,
            HealthAnnouncer announcer,
            HealthMetrics metrics,
            Clock clock) {
        CusumDegradationRule rule = new CusumDegradationRule(new DegradationSettings(
                properties.minimumExpectancy(),
                properties.allowance(),
                properties.decisionThreshold(),
                properties.recoveryThreshold(),
                properties.minimumSample()));
        HealthAnnouncer effective = properties.enabled()
                ? announcer
                : decision -> {
                    // Auto-pause switched off: decisions are recorded and shown, never sent.
                };
        return new JudgeStrategiesService(
                rule, properties.horizon(), properties.resumeOnRecovery(), store, effective, metrics, clock);
    }
}
