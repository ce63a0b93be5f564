package dev.peregrine.monitor.adapter.out.health;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.PauseStrategy;
import dev.peregrine.common.event.ResumeStrategy;
import dev.peregrine.common.event.Severity;
import dev.peregrine.monitor.application.health.HealthAnnouncer;
import dev.peregrine.monitor.application.health.HealthDecision;
import dev.peregrine.platform.kafka.EventPublisher;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * A pause or resume goes to signal-service as a command on {@link Topics#STRATEGY_COMMANDS}, and to the operators as
 * an alert on {@link Topics#ALERTS}, both carrying the rule's evidence. Their event ids derive from the decision, so
 * announcing a decision again (after a failure) repeats the same events.
 */
@Component
public class KafkaHealthAnnouncer implements HealthAnnouncer {

    static final String REQUESTED_BY = "monitor-service (auto-pause)";

    private final EventPublisher publisher;
    private final Clock clock;

    public KafkaHealthAnnouncer(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void announce(HealthDecision decision) {
        Envelope command = Envelope.root(
                dev.peregrine.common.id.DerivedIds.from("health-command", decision.decisionId()),
                decision.at(),
                clock.instant());
        switch (decision.action()) {
            case PAUSE ->
                publisher.publish(
                        Topics.STRATEGY_COMMANDS,
                        new PauseStrategy(
                                command, decision.strategyId(), "auto-pause: " + decision.evidence(), REQUESTED_BY));
            case RESUME ->
                publisher.publish(
                        Topics.STRATEGY_COMMANDS,
                        new ResumeStrategy(
                                command,
                                decision.strategyId(),
                                "auto-resume after recovery: " + decision.evidence(),
                                REQUESTED_BY));
        }
        Envelope alert = Envelope.root(
                dev.peregrine.common.id.DerivedIds.from("health-alert", decision.decisionId()),
                decision.at(),
                clock.instant());
        boolean pause = decision.action() == HealthDecision.Action.PAUSE;
        publisher.publish(
                Topics.ALERTS,
                new AlertRaised(
                        alert,
                        pause ? Severity.CRITICAL : Severity.INFO,
                        "monitor-service",
                        decision.strategyId(),
                        pause ? "STRATEGY_AUTO_PAUSED" : "STRATEGY_AUTO_RESUMED",
                        "strategy " + decision.strategyId()
                                + (pause ? " paused: its outcomes have degraded. " : " resumed: ")
                                + decision.evidence()
                                + (pause
                                        ? ". Runbook: review GET /api/v1/strategies/health and the"
                                                + " strategy's outcomes; resume with POST /api/v1/strategies/"
                                                + decision.strategyId()
                                                + "/resume on signal-service once understood."
                                        : "")));
    }
}
