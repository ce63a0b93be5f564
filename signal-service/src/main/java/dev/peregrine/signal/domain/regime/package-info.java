/** The market regime (trend vs range, high vs low volatility) that sets how much each analyst is trusted. */
package dev.peregrine.signal.domain.regime;
