/** What the advice adapters drive: the operator's switch, and one round of applying advice. */
package dev.peregrine.monitor.application.advice.port.in;
