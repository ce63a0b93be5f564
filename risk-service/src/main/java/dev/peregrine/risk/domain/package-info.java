/**
 * The risk rules as pure Java: position sizing from a risk budget and the stop distance, instrument filters,
 * and the decision ({@link dev.peregrine.risk.domain.RiskDecision}) with its reasons. Refusals are values here,
 * never exceptions.
 */
package dev.peregrine.risk.domain;
