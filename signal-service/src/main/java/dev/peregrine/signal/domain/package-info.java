/**
 * The signal domain in plain Java: the EMA crossover strategy that turns closed bars into candidate signals
 * (its indicators live in {@code domain.indicator}), the first-version validation rule that scores them, and
 * the strategy lifecycle (active/paused, weight).
 */
package dev.peregrine.signal.domain;
