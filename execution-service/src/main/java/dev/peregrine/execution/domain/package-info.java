/**
 * The order lifecycle in plain Java: the {@link dev.peregrine.execution.domain.Order} aggregate and its
 * state machine, the safety checks an order must pass, and the paper venue's fill and fee rule.
 */
package dev.peregrine.execution.domain;
