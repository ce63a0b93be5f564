-- The calibration that produced a validation's confidence (peregrine.signal.validation.calibration-file's version),
-- as SignalValidated.calibrationVersion carries it; null when the confidence is uncalibrated (strength / 100).
ALTER TABLE signal.signal_validations ADD COLUMN calibration_version text;
