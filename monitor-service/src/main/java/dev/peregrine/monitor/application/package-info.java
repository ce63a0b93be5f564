/**
 * The monitor's use cases in plain Java: recording each step of a trade chain once (however often Kafka
 * delivers it) and answering queries about recorded chains. They reach storage and metrics only through ports.
 */
package dev.peregrine.monitor.application;
