/**
 * The signal domain in plain Java: the EMA crossover strategy that turns closed bars into candidate signals
 * (its indicators live in {@code domain.indicator}), the v2 validation that scores a candidate against the
 * panel's consensus and verdict ({@code domain.consensus}), and the strategy lifecycle (active/paused, weight).
 */
package dev.peregrine.signal.domain;
