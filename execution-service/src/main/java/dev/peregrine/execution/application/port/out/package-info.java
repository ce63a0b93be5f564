/**
 * What the use cases need from the outside: order and market storage, the venue, report publishing and
 * metrics. Adapters implement these.
 */
package dev.peregrine.execution.application.port.out;
