/**
 * Applying weight advice to signal-service, only while an operator has switched it on: the switch with its audit
 * ({@link dev.peregrine.monitor.application.advice.SwitchAutoApplyService}) and the periodic job that sends
 * {@code SetStrategyWeight} for each strategy whose advised weight moved beyond a tolerance, recording every change
 * before sending it ({@link dev.peregrine.monitor.application.advice.ApplyWeightAdviceService}).
 */
package dev.peregrine.monitor.application.advice;
