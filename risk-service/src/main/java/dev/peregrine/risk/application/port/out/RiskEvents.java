package dev.peregrine.risk.application.port.out;

import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.OrderCancelRequested;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.PortfolioEvent;
import dev.peregrine.common.event.RiskDecisionEvent;
import java.util.List;

/**
 * Announces decisions, order intents, portfolio changes and alerts. Returns only once the broker has them: the
 * caller acknowledges its input afterwards, so nothing is lost if publishing fails.
 */
public interface RiskEvents {

    void publishDecision(RiskDecisionEvent decision);

    void publishIntent(OrderIntentCreated intent);

    /**
     * A decision and the intents it made, announced together: an adapter that can wait once for all of them (one
     * flush, one acknowledgement) overrides this; by default they go one after the other, the decision first.
     */
    default void publishDecisionWithIntents(RiskDecisionEvent decision, List<OrderIntentCreated> intents) {
        publishDecision(decision);
        intents.forEach(this::publishIntent);
    }

    void publishCancel(OrderCancelRequested cancel);

    void publishPortfolio(PortfolioEvent event);

    void publishAlert(AlertRaised alert);
}
