package dev.peregrine.monitor.application.health;

/** Tells signal-service (a pause or resume command) and the operators (an alert) about a decision. */
public interface HealthAnnouncer {

    void announce(HealthDecision decision);
}
