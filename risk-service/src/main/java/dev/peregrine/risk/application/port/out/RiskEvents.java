package dev.peregrine.risk.application.port.out;

import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.OrderCancelRequested;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.PortfolioEvent;
import dev.peregrine.common.event.RiskDecisionEvent;

/**
 * Announces decisions, order intents, portfolio changes and alerts. Returns only once the broker has them: the
 * caller acknowledges its input afterwards, so nothing is lost if publishing fails.
 */
public interface RiskEvents {

    void publishDecision(RiskDecisionEvent decision);

    void publishIntent(OrderIntentCreated intent);

    void publishCancel(OrderCancelRequested cancel);

    void publishPortfolio(PortfolioEvent event);

    void publishAlert(AlertRaised alert);
}
