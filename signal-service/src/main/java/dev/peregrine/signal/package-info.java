/**
 * signal-service: turns closed candles into validated trading signals (EMA crossover, scored by a
 * documented rule) and manages the lifecycle of the strategies that produce them.
 */
package dev.peregrine.signal;
