package dev.peregrine.monitor.application.health;

/** What the rule's work looks like from outside: each strategy's statistic and the decisions taken. */
public interface HealthMetrics {

    void statistic(String strategyId, double cusum, boolean degraded);

    void decided(HealthDecision.Action action, String strategyId);
}
