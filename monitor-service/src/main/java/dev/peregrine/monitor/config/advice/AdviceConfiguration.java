package dev.peregrine.monitor.config.advice;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.monitor.application.advice.ApplyWeightAdviceService;
import dev.peregrine.monitor.application.advice.SwitchAutoApplyService;
import dev.peregrine.monitor.application.advice.port.in.ApplyWeightAdvice;
import dev.peregrine.monitor.application.advice.port.in.SwitchAutoApply;
import dev.peregrine.monitor.application.advice.port.out.AdviceMetrics;
import dev.peregrine.monitor.application.advice.port.out.AdviceStore;
import dev.peregrine.monitor.application.advice.port.out.WeightCommands;
import dev.peregrine.monitor.application.quality.QueryQuality;
import dev.peregrine.monitor.config.ScheduledJob;
import dev.peregrine.monitor.domain.advice.WeightChangeRule;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.PeriodicTrigger;

/** The operator's switch and the job that applies weight advice while it is on. */
@Configuration(proxyBeanMethods = false)
public class AdviceConfiguration {

    @Bean
    SwitchAutoApply switchAutoApply(AdviceStore store, AdviceMetrics metrics, Clock clock) {
        return new SwitchAutoApplyService(store, metrics, clock);
    }

    @Bean
    ApplyWeightAdvice applyWeightAdvice(
            SwitchAutoApply autoApply,
            QueryQuality quality,
            AdviceStore store,
            WeightCommands commands,
            AdviceMetrics metrics,
            Clock clock,
            IdGenerator ids,
            AutoApplyProperties properties) {
        return new ApplyWeightAdviceService(
                autoApply,
                quality,
                store,
                commands,
                metrics,
                clock,
                ids,
                new WeightChangeRule(properties.tolerance()),
                properties.horizon(),
                properties.lookback());
    }

    /** Runs at start (sending what a previous run decided but could not send) and then every check interval. */
    @Bean
    ScheduledJob applyWeightAdviceJob(ApplyWeightAdvice apply, AutoApplyProperties properties, Clock clock) {
        PeriodicTrigger trigger = new PeriodicTrigger(properties.checkInterval());
        trigger.setInitialDelay(Duration.ZERO);
        return new ScheduledJob("apply-weight-advice", trigger, apply::applyDue, true, clock);
    }
}
