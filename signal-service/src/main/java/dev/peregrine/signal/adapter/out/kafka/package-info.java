/** Publishes signal-service's events through the platform's acknowledged {@code EventPublisher}. */
package dev.peregrine.signal.adapter.out.kafka;
