package dev.peregrine.platform.testapp;

import dev.peregrine.common.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The smallest service the platform can run: one REST controller and one Kafka listener, so that the
 * platform's auto-configuration is exercised exactly as a real service gets it.
 */
@SpringBootApplication
public class PlatformTestApplication {

    /** Its own topic, so that nothing else in the suite's contracts is read or written by the test. */
    public static final String TOPIC = "platform.test.candles.v1";

    /** A topic nobody consumes, whose dead-letter topic tests fill by hand. */
    public static final String UNCONSUMED_TOPIC = "platform.test.unconsumed.v1";

    @Bean
    public NewTopic platformTestTopic() {
        return new NewTopic(TOPIC, 3, (short) 1);
    }

    @Bean
    public NewTopic platformTestDeadLetterTopic() {
        return new NewTopic(Topics.deadLetterOf(TOPIC), 3, (short) 1);
    }

    @Bean
    public NewTopic platformTestUnconsumedTopic() {
        return new NewTopic(UNCONSUMED_TOPIC, 3, (short) 1);
    }

    @Bean
    public NewTopic platformTestUnconsumedDeadLetterTopic() {
        return new NewTopic(Topics.deadLetterOf(UNCONSUMED_TOPIC), 3, (short) 1);
    }
}
