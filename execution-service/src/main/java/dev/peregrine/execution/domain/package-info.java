/**
 * The order lifecycle in plain Java: the {@link dev.peregrine.execution.domain.Order} aggregate and its
 * state machine, the safety checks an order must pass, the protective pair an entry rests once filled, the
 * position an exit may sell, and the paper venue's fill rule (next open, slippage, stop and take-profit, fees).
 */
package dev.peregrine.execution.domain;
