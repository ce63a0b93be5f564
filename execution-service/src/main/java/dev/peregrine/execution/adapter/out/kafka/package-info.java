/** Publishes execution reports to {@code execution.reports.v1} through the platform's synchronous publisher. */
package dev.peregrine.execution.adapter.out.kafka;
