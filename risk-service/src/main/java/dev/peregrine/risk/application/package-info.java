/**
 * The use cases of risk-service in plain Java: deciding on a validated signal (size, persist, announce) and
 * reading past decisions. They reach infrastructure only through the ports in {@code port.out}.
 */
package dev.peregrine.risk.application;
