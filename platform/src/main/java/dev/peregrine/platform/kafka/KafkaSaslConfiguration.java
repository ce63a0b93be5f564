package dev.peregrine.platform.kafka;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Adds the service's Kafka credentials ({@link KafkaSaslProperties}) to {@code spring.kafka.properties} once Spring
 * Boot has bound them, so that every client built from {@link KafkaProperties} authenticates: the listeners' consumers,
 * the {@code KafkaTemplate}, the topic declarations' admin, the health check and the dead-letter re-drive.
 */
@AutoConfiguration
public class KafkaSaslConfiguration {

    @Bean
    public static BeanPostProcessor peregrineKafkaSaslConfigurer() {
        return new Configurer();
    }

    static final class Configurer implements BeanPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof KafkaProperties kafka) {
                KafkaSaslProperties sasl = Binder.get(environment)
                        .bind(KafkaSaslProperties.PREFIX, Bindable.of(KafkaSaslProperties.class))
                        .orElseGet(KafkaSaslProperties::none);
                kafka.getProperties()
                        .putAll(KafkaSasl.clientProperties(
                                sasl, kafka.getSecurity().getProtocol(), kafka.getProperties()));
            }
            return bean;
        }
    }
}
