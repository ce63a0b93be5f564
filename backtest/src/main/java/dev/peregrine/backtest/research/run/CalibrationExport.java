package dev.peregrine.backtest.research.run;

import dev.peregrine.backtest.research.calibration.IsotonicCalibrator;
import dev.peregrine.backtest.research.calibration.PlattCalibrator;
import dev.peregrine.backtest.research.calibration.ScoredOutcome;
import dev.peregrine.signal.domain.calibration.CalibrationMethod;
import dev.peregrine.signal.domain.calibration.ConfidenceCalibration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The calibration signal-service loads, fitted on the given (training) signals only: isotonic steps or Platt
 * coefficients of the raw score (the validation's uncalibrated confidence, strength / 100), with the window the
 * signals came from and what a hit means, so the file says what it speaks for.
 */
public final class CalibrationExport {

    private CalibrationExport() {}

    /**
     * @param training    the labelled signals to fit on (their outcomes all known before {@code fittedUntil})
     * @param fittedUntil end (exclusive) of the data the fit may have seen: the holdout's start
     * @param outcome     what a hit is, in words
     */
    public static ConfidenceCalibration fit(
            List<ScoredOutcome> training,
            CalibrationMethod method,
            Instant fittedUntil,
            String outcome,
            int horizonBars) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no labelled signals to fit a calibration on");
        }
        Instant from = training.stream()
                .map(ScoredOutcome::at)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        String version = "%s-%s-h%d"
                .formatted(
                        method.name().toLowerCase(Locale.ROOT),
                        LocalDate.ofInstant(fittedUntil, ZoneOffset.UTC),
                        horizonBars);
        return switch (method) {
            case ISOTONIC ->
                new ConfidenceCalibration(
                        version,
                        method,
                        IsotonicCalibrator.fit(training).steps().stream()
                                .map(s -> new ConfidenceCalibration.Step(s.fromScore(), s.probability()))
                                .toList(),
                        null,
                        from,
                        fittedUntil,
                        outcome,
                        horizonBars,
                        training.size());
            case PLATT -> {
                PlattCalibrator platt = PlattCalibrator.fit(training, true);
                yield new ConfidenceCalibration(
                        version,
                        method,
                        List.of(),
                        new ConfidenceCalibration.Platt(platt.a(), platt.b()),
                        from,
                        fittedUntil,
                        outcome,
                        horizonBars,
                        training.size());
            }
        };
    }
}
