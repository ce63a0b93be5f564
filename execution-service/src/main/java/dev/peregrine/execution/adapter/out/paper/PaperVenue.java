package dev.peregrine.execution.adapter.out.paper;

import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.execution.application.port.out.MarketOpenStore;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.application.port.out.VenueSubmission;
import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.PaperFillRule;

import java.util.Objects;
import java.util.Optional;

/**
 * A simulated venue that accepts every order and fills it by {@link PaperFillRule} on the observed candle
 * opens: at the open of the first candle after the order's notBefore, with no slippage (first version).
 * Its order ids derive from the clientOrderId, so a replay of the same intents gives the same ids.
 */
public final class PaperVenue implements VenuePort {

    public static final String NAME = "paper";

    private final MarketOpenStore opens;
    private final PaperFillRule rule;

    public PaperVenue(MarketOpenStore opens, PaperFillRule rule) {
        this.opens = Objects.requireNonNull(opens, "opens");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public VenueSubmission submit(Order order) {
        return new VenueSubmission.Acknowledged(venueOrderIdOf(order.clientOrderId()));
    }

    @Override
    public Optional<Fill> executionOf(Order order) {
        return opens.firstAfter(order.symbol(), order.terms().notBefore())
                .filter(open -> rule.executesOn(order.terms(), open))
                .map(open -> rule.fillOn(order.terms(), open));
    }

    static String venueOrderIdOf(String clientOrderId) {
        return NAME + "-" + DerivedIds.from("paper-venue-order", clientOrderId);
    }
}
