/** Calibrated confidence: the raw score's fitted probability of a hit, grades on it and the min/target rule. */
package dev.peregrine.signal.domain.calibration;
