package dev.peregrine.execution.adapter.out.paper;

import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.out.MarketCandleStore;
import dev.peregrine.execution.application.port.out.VenueCancel;
import dev.peregrine.execution.application.port.out.VenueLookup;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.application.port.out.VenueSubmission;
import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderRole;
import dev.peregrine.execution.domain.PaperFillRule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated venue that accepts every order and executes it by {@link PaperFillRule} on the observed candles:
 * a market order at the (slipped) open of the first candle after its notBefore, a protective leg on the first
 * candle from its notBefore on that reaches its pair's stop or take-profit, if that candle fills this leg.
 * Both are looked up among all stored candles, so the outcome does not depend on when the lookup happens.
 * Its order ids derive from the clientOrderId, so a replay of the same intents gives the same ids. It answers in
 * process and never fails, so an order it was sent is never UNKNOWN; one found PENDING_SUBMIT after a crash is
 * looked up like on any venue, and the paper venue has it, since it accepts every order.
 */
public final class PaperVenue implements VenuePort {

    public static final String NAME = "paper";

    private final MarketCandleStore candles;
    private final PaperFillRule rule;

    public PaperVenue(MarketCandleStore candles, PaperFillRule rule) {
        this.candles = Objects.requireNonNull(candles, "candles");
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
    public List<VenueSubmission> submitProtection(List<Order> legs) {
        return legs.stream().map(this::submit).toList();
    }

    @Override
    public VenueLookup lookup(Order order) {
        String venueOrderId = venueOrderIdOf(order.clientOrderId());
        return executionOf(order)
                .<VenueLookup>map(fill -> new VenueLookup.Executed(venueOrderId, fill))
                .orElseGet(() -> new VenueLookup.Working(venueOrderId));
    }

    /**
     * Always canceled: candles are settled under the symbol's lock as they arrive, so an order still working here
     * has no stored candle that executes it.
     */
    @Override
    public VenueCancel cancel(Order order) {
        return new VenueCancel.Canceled();
    }

    /** The paper account is risk's book: the paper venue keeps none of its own. */
    @Override
    public Optional<List<AccountSnapshot.AssetBalance>> balances() {
        return Optional.empty();
    }

    /** The paper venue trades any quantity. */
    @Override
    public Quantity sellable(Symbol symbol, Quantity quantity) {
        return quantity;
    }

    /** The fill the stored candles give the order; empty while none executes it. */
    public Optional<Fill> executionOf(Order order) {
        OrderRole role = order.role();
        if (role.isProtective()) {
            return candles.firstReaching(order.symbol(), order.terms().notBefore(), role.stopLoss(), role.takeProfit())
                    .flatMap(candle -> rule.protectiveFillOn(order.terms(), candle));
        }
        return candles.firstAfter(order.symbol(), order.terms().notBefore())
                .filter(candle -> rule.executesOn(order.terms(), candle))
                .map(candle -> rule.fillOn(order.terms(), candle));
    }

    static String venueOrderIdOf(String clientOrderId) {
        return NAME + "-" + DerivedIds.from("paper-venue-order", clientOrderId);
    }
}
