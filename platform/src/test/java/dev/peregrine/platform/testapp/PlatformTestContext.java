package dev.peregrine.platform.testapp;

import dev.peregrine.testkit.PeregrineIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring context of the platform's integration tests, shared by every test class that carries it: two
 * contexts would run two listeners in one consumer group on the test topic and take each other's records. Its callers
 * are testkit's {@code TestTokens} (role tokens, and the named alice and bob as a deployment with one token per person
 * configures them), which {@link PeregrineIntegrationTest} configures.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@PeregrineIntegrationTest
@SpringBootTest(
        classes = PlatformTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=peregrine-defaults",
            "spring.application.name=platform-test",
            "management.server.port=0",
            "peregrine.web.max-request-body=" + PlatformTestContext.MAX_REQUEST_BODY,
            "peregrine.kafka.retry-attempts=" + PlatformTestContext.RETRY_ATTEMPTS,
            "peregrine.kafka.retry-initial-delay=50ms",
            "peregrine.kafka.redrive.enabled=true",
            "peregrine.kafka.redrive.max-batch=" + PlatformTestContext.REDRIVE_MAX_BATCH,
            "peregrine.kafka.redrive.extra-topics=" + PlatformTestApplication.TOPIC + ","
                    + PlatformTestApplication.UNCONSUMED_TOPIC,
            "spring.kafka.consumer.group-id=platform-test",
            "spring.flyway.enabled=false"
        })
public @interface PlatformTestContext {

    int MAX_REQUEST_BODY = 4096;
    int RETRY_ATTEMPTS = 2;
    int REDRIVE_MAX_BATCH = 50;
}
