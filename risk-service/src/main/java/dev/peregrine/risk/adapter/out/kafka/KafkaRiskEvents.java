package dev.peregrine.risk.adapter.out.kafka;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.OrderCancelRequested;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.PortfolioEvent;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.platform.kafka.EventPublisher;
import dev.peregrine.risk.application.port.out.RiskEvents;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Decisions go to {@link Topics#RISK_DECISIONS}, intents to {@link Topics#ORDERS_INTENTS} (keyed by symbol),
 * portfolio changes to {@link Topics#RISK_PORTFOLIO}, alerts to {@link Topics#ALERTS}.
 */
@Component
public class KafkaRiskEvents implements RiskEvents {

    private final EventPublisher publisher;

    public KafkaRiskEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publishDecision(RiskDecisionEvent decision) {
        publisher.publish(Topics.RISK_DECISIONS, decision);
    }

    @Override
    public void publishIntent(OrderIntentCreated intent) {
        publisher.publish(Topics.ORDERS_INTENTS, intent);
    }

    /** One flush and one wait for both topics: the intent no longer waits for the decision's acknowledgement. */
    @Override
    public void publishDecisionWithIntents(RiskDecisionEvent decision, List<OrderIntentCreated> intents) {
        publisher.awaitTogether(
                publisher.sendAll(Topics.RISK_DECISIONS, List.of(decision)),
                publisher.sendAll(Topics.ORDERS_INTENTS, intents));
    }

    @Override
    public void publishCancel(OrderCancelRequested cancel) {
        publisher.publish(Topics.ORDERS_INTENTS, cancel);
    }

    @Override
    public void publishPortfolio(PortfolioEvent event) {
        publisher.publish(Topics.RISK_PORTFOLIO, event);
    }

    @Override
    public void publishAlert(AlertRaised alert) {
        publisher.publish(Topics.ALERTS, alert);
    }
}
