/** The boundary of the use cases: driving ports in {@code in}, driven ports in {@code out}. */
package dev.peregrine.risk.application.port;
