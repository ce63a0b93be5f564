package dev.peregrine.signal.config;

import dev.peregrine.signal.domain.ValidationConfig;
import dev.peregrine.signal.domain.calibration.ConfidenceCalibration;
import dev.peregrine.signal.domain.calibration.GradeCutoffs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The validator's confidence settings ({@code peregrine.signal.validation.*}, defaults in {@code signal-service.yml};
 * docs/signal-validation.md, "Calibrated confidence"). All off by default: no calibration file (confidence =
 * strength / 100, grades on strength), no minimum and no target confidence, which is exactly the validator before
 * calibration.
 *
 * @param minConfidence    0 (off) or the confidence below which a signal is SKIP; the seed's value is 0.70
 * @param targetConfidence 0 (off) or the confidence below which the size is scaled by confidence / target; the seed's
 *                         value is 0.85; at least {@code minConfidence}
 * @param gradeCutoffs     the grades on a calibrated confidence (used only with a calibration file)
 * @param calibrationFile  a calibration written by {@code ./backtest.sh calibrate --export}; empty: uncalibrated
 */
@Validated
@ConfigurationProperties("peregrine.signal.validation")
public record ValidationProperties(
        @DecimalMin(
                value = "0",
                message = "peregrine.signal.validation.min-confidence is a probability: 0 (off) up to below 1, "
                        + "e.g. the seed's 0.70")
        @DecimalMax(
                value = "1",
                inclusive = false,
                message = "peregrine.signal.validation.min-confidence is a probability: 0 (off) up to below 1, "
                        + "e.g. the seed's 0.70")
        double minConfidence,

        @DecimalMin(
                value = "0",
                message = "peregrine.signal.validation.target-confidence is 0 (off) or a probability up to 1, "
                        + "e.g. the seed's 0.85")
        @DecimalMax(
                value = "1",
                message = "peregrine.signal.validation.target-confidence is 0 (off) or a probability up to 1, "
                        + "e.g. the seed's 0.85")
        double targetConfidence,

        @NotNull(
                message = "set peregrine.signal.validation.grade-cutoffs.a, .b, .c and .d (defaults 0.60, 0.55, "
                        + "0.50, 0.45)")
        @Valid
        Cutoffs gradeCutoffs,

        String calibrationFile) {

    /** Whether the target, when set, is not below the minimum (a signal would be skipped before it could be scaled). */
    @AssertTrue(
            message = "peregrine.signal.validation.target-confidence must be 0 (off) or at least min-confidence: "
                    + "raise the target or lower the minimum (seed: min 0.70, target 0.85)")
    public boolean isTargetAtLeastMinimum() {
        return targetConfidence == 0.0 || targetConfidence >= minConfidence;
    }

    /** Whether the cut-offs fall strictly from A to D within (0, 1]. */
    @AssertTrue(
            message = "peregrine.signal.validation.grade-cutoffs must fall strictly from a to d within (0, 1], "
                    + "e.g. a 0.60, b 0.55, c 0.50, d 0.45")
    public boolean isGradeCutoffsOrdered() {
        Cutoffs c = gradeCutoffs;
        return c == null || (c.d() > 0.0 && c.d() < c.c() && c.c() < c.b() && c.b() < c.a() && c.a() <= 1.0);
    }

    /** The validator's configuration: the documented defaults with these settings and the file's calibration. */
    public ValidationConfig toConfig() {
        Optional<ConfidenceCalibration> calibration = calibrationFile == null || calibrationFile.isBlank()
                ? Optional.empty()
                : Optional.of(CalibrationFile.read(Path.of(calibrationFile.strip())));
        return ValidationConfig.defaults()
                .withConfidenceRule(minConfidence, targetConfidence)
                .withCalibration(
                        calibration,
                        new GradeCutoffs(gradeCutoffs.a(), gradeCutoffs.b(), gradeCutoffs.c(), gradeCutoffs.d()));
    }

    /** A at or above {@code a}, ..., D at or above {@code d}, F below. */
    public record Cutoffs(double a, double b, double c, double d) {}
}
