package dev.peregrine.platform.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka settings shared by all services ({@code peregrine.kafka.*}).
 *
 * @param partitions        partitions of each topic the services declare
 * @param replicationFactor replication of each declared topic (1 on a single broker, 3 in production)
 * @param sendTimeout       how long a publish waits for the broker's acknowledgement before failing
 * @param retryAttempts     how often a record whose processing failed is retried before it is dead-lettered
 * @param retryInitialDelay first back-off between retries; doubles up to {@code retryMaxDelay}
 * @param retryMaxDelay     longest back-off between retries
 * @param healthTimeout     how long the health check waits for the cluster to answer
 */
@Validated
@ConfigurationProperties("peregrine.kafka")
public record KafkaPlatformProperties(
        @Min(1) @Max(1000) int partitions,
        @Min(1) @Max(10) short replicationFactor,
        @NotNull Duration sendTimeout,
        @Min(0) @Max(100) int retryAttempts,
        @NotNull Duration retryInitialDelay,
        @NotNull Duration retryMaxDelay,
        @NotNull Duration healthTimeout) {}
