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
 * contexts would run two listeners in one consumer group on the test topic and take each other's records.
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
            "peregrine.security.operator-token=" + PlatformTestContext.OPERATOR,
            "peregrine.security.viewer-token=" + PlatformTestContext.VIEWER,
            // Named callers next to the role tokens, as a deployment with one token per person configures them.
            "peregrine.security.tokens[0].name=" + PlatformTestContext.ALICE_NAME,
            "peregrine.security.tokens[0].role=OPERATOR",
            "peregrine.security.tokens[0].token=" + PlatformTestContext.ALICE,
            "peregrine.security.tokens[1].name=" + PlatformTestContext.BOB_NAME,
            "peregrine.security.tokens[1].role=VIEWER",
            "peregrine.security.tokens[1].token=" + PlatformTestContext.BOB,
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

    String OPERATOR = "operator-token-0123456789";
    String VIEWER = "viewer-token-0123456789";
    String ALICE_NAME = "alice";
    String ALICE = "alice-operator-token-0123456789";
    String BOB_NAME = "bob";
    String BOB = "bob-viewer-token-0123456789";
    int MAX_REQUEST_BODY = 4096;
    int RETRY_ATTEMPTS = 2;
    int REDRIVE_MAX_BATCH = 50;
}
