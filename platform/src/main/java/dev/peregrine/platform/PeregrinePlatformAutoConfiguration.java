package dev.peregrine.platform;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.id.TimeOrderedIdGenerator;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.platform.deadletter.DeadLetterRedriveConfiguration;
import dev.peregrine.platform.health.KafkaHealthIndicator;
import dev.peregrine.platform.kafka.DeadLetterRouting;
import dev.peregrine.platform.kafka.EventPublisher;
import dev.peregrine.platform.kafka.KafkaPlatformProperties;
import dev.peregrine.platform.kafka.TopicDeclarations;
import dev.peregrine.platform.security.BearerTokenSecurity;
import dev.peregrine.platform.web.ApiErrorHandler;
import dev.peregrine.platform.web.OpenApiDescription;
import dev.peregrine.platform.web.WebLimitsConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

/** Beans every Peregrine service gets. Each can be replaced by a service (or a test) defining its own. */
@AutoConfiguration
@EnableConfigurationProperties(KafkaPlatformProperties.class)
@Import({
    BearerTokenSecurity.class,
    ApiErrorHandler.class,
    WebLimitsConfiguration.class,
    OpenApiDescription.class,
    DeadLetterRedriveConfiguration.class
})
public class PeregrinePlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    public IdGenerator idGenerator(Clock clock) {
        return new TimeOrderedIdGenerator(clock, new SecureRandom());
    }

    @Bean
    @ConditionalOnMissingBean
    public EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    public EventPublisher eventPublisher(
            KafkaTemplate<String, String> kafkaTemplate,
            EventCodec codec,
            KafkaPlatformProperties properties,
            MeterRegistry meterRegistry) {
        return new EventPublisher(kafkaTemplate, codec, properties.sendTimeout(), meterRegistry);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    public CommonErrorHandler deadLetterErrorHandler(
            KafkaTemplate<String, String> kafkaTemplate,
            KafkaPlatformProperties properties,
            MeterRegistry meterRegistry) {
        return DeadLetterRouting.errorHandler(kafkaTemplate, properties, meterRegistry);
    }

    @Bean
    public KafkaAdmin.NewTopics peregrineTopics(KafkaPlatformProperties properties) {
        return TopicDeclarations.allTopics(properties);
    }

    @Bean
    public KafkaHealthIndicator kafkaHealthIndicator(
            KafkaProperties kafkaProperties, KafkaPlatformProperties properties) {
        return new KafkaHealthIndicator(kafkaProperties.buildAdminProperties(), properties.healthTimeout());
    }
}
