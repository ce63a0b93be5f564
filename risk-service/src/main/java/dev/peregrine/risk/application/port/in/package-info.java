/** What the outside world can ask of risk-service: decide on a signal, look up decisions. */
package dev.peregrine.risk.application.port.in;
