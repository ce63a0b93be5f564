/** What the alert use cases need: the delivery store, the channel senders and the metrics. */
package dev.peregrine.monitor.application.alert.port.out;
