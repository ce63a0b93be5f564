package dev.peregrine.monitor.config.health;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Auto-pause ({@code peregrine.monitor.auto-pause.*}). The rule's defaults were chosen by simulation
 * (docs/monitoring.md): a zero-edge strategy is paused within 30 days in under 5 % of runs.
 *
 * @param horizon           the outcome horizon judged (one horizon, so outcomes of a signal are not counted thrice)
 * @param minimumExpectancy net return per outcome below which the rule accumulates evidence
 * @param allowance         slack per outcome, in standard deviations
 * @param decisionThreshold CUSUM at or above which a strategy is degraded
 * @param recoveryThreshold CUSUM at or below which a degraded strategy has recovered (hysteresis)
 * @param minimumSample     outcomes before any verdict
 * @param resumeOnRecovery  resume a recovered strategy by itself (default off: an operator resumes)
 */
@Validated
@ConfigurationProperties("peregrine.monitor.auto-pause")
public record AutoPauseProperties(
        Boolean enabled,
        Duration horizon,
        Double minimumExpectancy,

        @DecimalMin(value = "0", message = "peregrine.monitor.auto-pause.allowance must not be negative, e.g. 0.15")
        Double allowance,

        @DecimalMin(
                value = "0",
                inclusive = false,
                message = "peregrine.monitor.auto-pause.decision-threshold must be positive, e.g. 24")
        Double decisionThreshold,

        @DecimalMin(value = "0", message = "peregrine.monitor.auto-pause.recovery-threshold must not be negative")
        Double recoveryThreshold,

        @Min(value = 2, message = "peregrine.monitor.auto-pause.minimum-sample must be at least 2, e.g. 30")
        Integer minimumSample,

        Boolean resumeOnRecovery) {

    public AutoPauseProperties {
        enabled = enabled == null || enabled;
        horizon = horizon == null ? Duration.ofHours(4) : horizon;
        minimumExpectancy = minimumExpectancy == null ? 0.0 : minimumExpectancy;
        allowance = allowance == null ? 0.15 : allowance;
        decisionThreshold = decisionThreshold == null ? 24.0 : decisionThreshold;
        recoveryThreshold = recoveryThreshold == null ? 12.0 : recoveryThreshold;
        minimumSample = minimumSample == null ? 30 : minimumSample;
        resumeOnRecovery = resumeOnRecovery != null && resumeOnRecovery;
    }

    @jakarta.validation.constraints.AssertTrue(
            message = "peregrine.monitor.auto-pause.recovery-threshold must be below "
                    + "decision-threshold (hysteresis), e.g. 12 and 24")
    public boolean isHysteresisValid() {
        return recoveryThreshold < decisionThreshold;
    }
}
