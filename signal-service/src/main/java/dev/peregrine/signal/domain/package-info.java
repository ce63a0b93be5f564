/**
 * The signal domain in plain Java: incremental indicators (EMA, Wilder ATR), the EMA crossover strategy
 * that turns closed bars into candidate signals, the first-version validation rule that scores them, and
 * the strategy lifecycle (active/paused, weight).
 */
package dev.peregrine.signal.domain;
