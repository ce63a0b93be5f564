/** The boundary of the use cases: incoming ports ({@code in}) and outgoing ports ({@code out}). */
package dev.peregrine.signal.application.port;
