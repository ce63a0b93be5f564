/** What applying advice needs: the audit store, the command channel to signal-service, and metrics. */
package dev.peregrine.monitor.application.advice.port.out;
