package dev.peregrine.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring integration test that runs against {@link RealInfrastructure}: the Spring context gets
 * {@code spring.kafka.bootstrap-servers} and {@code spring.datasource.*} pointing at the shared real Kafka
 * broker and PostgreSQL before it starts, and the well-known {@link TestTokens} (a token per role and a named
 * caller per role) as {@code peregrine.security.*}, so that a test calls the API through {@link ServiceApi} without
 * configuring security itself. Combine with {@code @SpringBootTest}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PeregrineIntegrationTest {}
