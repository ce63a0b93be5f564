/** What the monitor's use cases need from the outside world: a store of recorded steps and a place for metrics. */
package dev.peregrine.monitor.application.port.out;
