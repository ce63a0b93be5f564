/** Reports recorded steps as Micrometer meters named {@code peregrine.monitor.*}, scraped from /actuator/prometheus. */
package dev.peregrine.monitor.adapter.out.metrics;
