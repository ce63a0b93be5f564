/**
 * Outcomes, in plain Java: what a validated signal would have earned over a fixed horizon, measured from closed
 * candles exactly as the offline {@code SignalGradeReport} does ({@link dev.peregrine.monitor.domain.outcome.ForwardReturn}),
 * and what a closed position actually earned ({@link dev.peregrine.monitor.domain.outcome.TradeOutcome}).
 */
package dev.peregrine.monitor.domain.outcome;
