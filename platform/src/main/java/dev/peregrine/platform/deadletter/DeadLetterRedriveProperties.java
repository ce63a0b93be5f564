package dev.peregrine.platform.deadletter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dead-letter re-drive endpoint ({@code peregrine.kafka.redrive.*}), off unless {@code enabled}.
 *
 * @param enabled     serve {@code /api/v1/dead-letters/**}; off by default
 * @param maxBatch    the most dead letters one call lists or re-drives
 * @param readTimeout how long one call may spend reading the dead-letter topic; a call that runs out answers with
 *                    what it read and where to continue
 * @param extraTopics topics besides {@code Topics.ALL} whose dead letters may be re-driven (a service's own)
 */
@Validated
@ConfigurationProperties("peregrine.kafka.redrive")
public record DeadLetterRedriveProperties(
        boolean enabled,
        @DefaultValue("500") @Min(1) @Max(10_000) int maxBatch,
        @DefaultValue("30s") @NotNull Duration readTimeout,
        List<String> extraTopics) {

    public DeadLetterRedriveProperties {
        extraTopics = extraTopics == null ? List.of() : List.copyOf(extraTopics);
    }
}
