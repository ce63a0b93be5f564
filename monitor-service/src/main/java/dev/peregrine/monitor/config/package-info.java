/** Spring wiring: the monitor's validated settings and the use cases built with their ports. */
package dev.peregrine.monitor.config;
