package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.OrderCancelRequested;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.PortfolioEvent;
import dev.peregrine.common.event.PositionChanged;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.risk.application.port.out.RiskEvents;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * What risk-service publishes, kept in process: order intents wait here for execution (in publication order, as on
 * {@code orders.intents.v1}), closed positions are handed to the result. Decisions are read from the ledger, where
 * they are stored with their decision time; the portfolio valuations and alerts are not needed.
 */
final class RiskOutbox implements RiskEvents {

    private final Deque<OrderIntentCreated> intents = new ArrayDeque<>();
    private final Consumer<PositionChanged> closed;

    /** @param closed told of every position risk closes, when it announces it */
    RiskOutbox(Consumer<PositionChanged> closed) {
        this.closed = closed;
    }

    @Override
    public void publishDecision(RiskDecisionEvent decision) {
        // stored in the ledger with the same content
    }

    @Override
    public void publishIntent(OrderIntentCreated intent) {
        intents.addLast(intent);
    }

    @Override
    public void publishCancel(OrderCancelRequested cancel) {
        // only an operator's kill switch asks for cancels; a backtest has no operator
    }

    @Override
    public void publishPortfolio(PortfolioEvent event) {
        if (event instanceof PositionChanged changed && changed.status() == PositionChanged.PositionStatus.CLOSED) {
            closed.accept(changed);
        }
    }

    @Override
    public void publishAlert(AlertRaised alert) {
        // the controls' transitions are in the book; nobody is paged in a backtest
    }

    /** The next intent execution has not consumed, or null. */
    OrderIntentCreated nextIntent() {
        return intents.pollFirst();
    }
}
