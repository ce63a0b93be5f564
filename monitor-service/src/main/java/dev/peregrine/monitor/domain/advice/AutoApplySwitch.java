package dev.peregrine.monitor.domain.advice;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether weight advice is applied to signal-service, as an operator last set it, with who, when and why. Off until
 * an operator switches it on.
 */
public record AutoApplySwitch(boolean enabled, String reason, String changedBy, Instant changedAt) {

    /** The state before any operator touched the switch. */
    public static final AutoApplySwitch NEVER_SET =
            new AutoApplySwitch(false, "off by default", "default", Instant.EPOCH);

    public AutoApplySwitch {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("the reason must not be blank");
        }
        if (changedBy.isBlank()) {
            throw new IllegalArgumentException("who switched must be known");
        }
    }
}
