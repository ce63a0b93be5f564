/** What the alert adapters drive: receiving an alert, and one dispatch round. */
package dev.peregrine.monitor.application.alert.port.in;
