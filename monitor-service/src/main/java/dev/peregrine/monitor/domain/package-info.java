/**
 * What the monitor knows about a trade chain, in plain Java: the recorded signal, decision and execution
 * report of each step, the {@link dev.peregrine.monitor.domain.TradeFlow} they form, and the signal-to-fill latency rule.
 */
package dev.peregrine.monitor.domain;
