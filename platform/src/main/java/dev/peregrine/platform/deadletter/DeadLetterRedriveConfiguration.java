package dev.peregrine.platform.deadletter;

import dev.peregrine.platform.kafka.KafkaPlatformProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** The dead-letter re-drive endpoint, only with {@code peregrine.kafka.redrive.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "peregrine.kafka.redrive", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(DeadLetterRedriveProperties.class)
public class DeadLetterRedriveConfiguration {

    @Bean
    public DeadLetterRedrive deadLetterRedrive(
            KafkaProperties kafkaProperties,
            KafkaTemplate<String, String> kafkaTemplate,
            DeadLetterRedriveProperties properties,
            KafkaPlatformProperties platformProperties,
            MeterRegistry meterRegistry) {
        return new DeadLetterRedrive(
                kafkaProperties.buildConsumerProperties(),
                kafkaTemplate,
                properties,
                platformProperties.sendTimeout(),
                meterRegistry);
    }

    @Bean
    public DeadLetterRedriveController deadLetterRedriveController(DeadLetterRedrive redrive) {
        return new DeadLetterRedriveController(redrive);
    }
}
