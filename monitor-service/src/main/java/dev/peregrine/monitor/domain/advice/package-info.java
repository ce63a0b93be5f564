/**
 * Applying weight advice, in plain Java: the operator's {@link dev.peregrine.monitor.domain.advice.AutoApplySwitch}
 * and the {@link dev.peregrine.monitor.domain.advice.WeightChangeRule} that turns advice into the
 * {@link dev.peregrine.monitor.domain.advice.WeightChange}s to send, each with its evidence.
 */
package dev.peregrine.monitor.domain.advice;
