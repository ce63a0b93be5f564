package dev.peregrine.execution.adapter.out.binance;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.execution.application.port.out.VenueCancel;
import dev.peregrine.execution.application.port.out.VenueLookup;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.application.port.out.VenueSubmission;
import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * Binance spot (live or testnet, by base URL) behind the venue port, through {@link BinanceSpotRest}: orders go out
 * under Peregrine's clientOrderId and are looked up and canceled by it. Every answer that leaves an order's fate open
 * (timeouts, 5XX, -1006, -1007) is {@code Unknown}/{@code Unanswered}, never a refusal, so an order is never sent twice.
 *
 * <p>A filled order's fill is its average price (cumulative quote / executed quantity) and the commissions of its
 * trades ({@code myTrades}), in the asset Binance charged. Fail closed where the model does not reach yet: an order
 * that ended partly executed, or whose commissions came in several assets, is answered {@code Unanswered} (it stays
 * as it is and is logged) rather than settled wrongly.
 *
 * <p>PLACEHOLDER: protective pairs are not sent yet (they need the {@code orderList/oco} call): each leg is refused
 * with {@code PROTECTION_NOT_SUPPORTED}, so a Binance position has no resting stop or take-profit and is exited only
 * by risk's exit intents.
 */
public final class BinanceVenue implements VenuePort {

    public static final String NAME = "binance";

    private static final Logger log = LoggerFactory.getLogger(BinanceVenue.class);

    private final BinanceSpotRest rest;

    public BinanceVenue(BinanceSpotRest rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public VenueSubmission submit(Order order) {
        NewOrder request = NewOrder.market(order.symbol().value(), OrderSide.valueOf(order.side().name()),
                order.quantity().value(), order.clientOrderId());
        return switch (rest.newOrder(request)) {
            case BinanceAnswer.Ok<PlacedOrder> ok -> new VenueSubmission.Acknowledged(String.valueOf(ok.value().orderId()));
            case BinanceAnswer.Refused<PlacedOrder> refused -> new VenueSubmission.Refused(
                    refusal(refused.code(), refused.message()));
            case BinanceAnswer.NotFound<PlacedOrder> notFound -> new VenueSubmission.Refused(
                    refusal(notFound.code(), notFound.message()));
            // Binance rejects a rate-limited request before processing it: nothing was placed.
            case BinanceAnswer.RateLimited<PlacedOrder> limited -> new VenueSubmission.Refused(Reason.of("RATE_LIMITED",
                    "Binance answered HTTP " + limited.httpStatus() + limited.retryAfter().map(after -> ", retry after "
                            + after.toSeconds() + " s").orElse("") + "; nothing was placed"));
            case BinanceAnswer.Unknown<PlacedOrder> unknown -> new VenueSubmission.Unknown(unknown.why());
        };
    }

    @Override
    public List<VenueSubmission> submitProtection(List<Order> legs) {
        return legs.stream().<VenueSubmission>map(leg -> new VenueSubmission.Refused(Reason.of("PROTECTION_NOT_SUPPORTED",
                "the Binance venue does not send protective pairs yet (orderList/oco); the position has no resting "
                        + leg.purpose())))
                .toList();
    }

    @Override
    public VenueLookup lookup(Order order) {
        return switch (rest.queryOrder(order.symbol().value(), order.clientOrderId())) {
            case BinanceAnswer.Ok<VenueOrder> ok -> lookupOf(ok.value());
            case BinanceAnswer.NotFound<VenueOrder> notFound -> new VenueLookup.Absent(notFound.code() + " "
                    + notFound.message());
            case BinanceAnswer.Refused<VenueOrder> refused -> new VenueLookup.Unanswered("refused: " + refused.code()
                    + " " + refused.message());
            case BinanceAnswer.RateLimited<VenueOrder> limited -> new VenueLookup.Unanswered("rate limited (HTTP "
                    + limited.httpStatus() + ")");
            case BinanceAnswer.Unknown<VenueOrder> unknown -> new VenueLookup.Unanswered(unknown.why());
        };
    }

    @Override
    public VenueCancel cancel(Order order) {
        return switch (rest.cancelOrder(order.symbol().value(), order.clientOrderId())) {
            case BinanceAnswer.Ok<VenueOrder> ok -> ok.value().executedQty().signum() == 0 ? new VenueCancel.Canceled()
                    : new VenueCancel.NotWorking("canceled after executing " + ok.value().executedQty().toPlainString());
            // -2011 "Unknown order sent.": no longer open (filled or ended); a lookup says which.
            case BinanceAnswer.NotFound<VenueOrder> notFound -> new VenueCancel.NotWorking(notFound.code() + " "
                    + notFound.message());
            case BinanceAnswer.Refused<VenueOrder> refused -> new VenueCancel.Unanswered("refused: " + refused.code()
                    + " " + refused.message());
            case BinanceAnswer.RateLimited<VenueOrder> limited -> new VenueCancel.Unanswered("rate limited (HTTP "
                    + limited.httpStatus() + ")");
            case BinanceAnswer.Unknown<VenueOrder> unknown -> new VenueCancel.Unanswered(unknown.why());
        };
    }

    private VenueLookup lookupOf(VenueOrder order) {
        String venueOrderId = String.valueOf(order.orderId());
        if (order.status().working()) {
            return new VenueLookup.Working(venueOrderId);
        }
        if (order.status() == VenueOrderStatus.FILLED) {
            return executed(order);
        }
        if (order.executedQty().signum() != 0) {
            log.error("Order {} ended {} at Binance after executing {} of {}: partial executions are not settled yet",
                    order.clientOrderId(), order.status(), order.executedQty().toPlainString(),
                    order.origQty().toPlainString());
            return new VenueLookup.Unanswered("ended " + order.status() + " partly executed; not settled automatically");
        }
        return new VenueLookup.Ended(venueOrderId, Reason.of(order.status().name(), "Binance reports the order "
                + order.status() + " with nothing executed"));
    }

    private VenueLookup executed(VenueOrder order) {
        BinanceAnswer<List<AccountTrade>> answer = rest.myTrades(order.symbol(), order.orderId());
        if (!(answer instanceof BinanceAnswer.Ok<List<AccountTrade>> ok)) {
            return new VenueLookup.Unanswered("the trades of filled order " + order.clientOrderId() + ": " + answer);
        }
        List<AccountTrade> trades = ok.value();
        List<String> assets = trades.stream().map(AccountTrade::commissionAsset).distinct().toList();
        BigDecimal traded = trades.stream().map(AccountTrade::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (trades.isEmpty() || assets.size() != 1 || traded.compareTo(order.executedQty()) != 0) {
            log.error("Order {} is FILLED at Binance but its trades {} do not settle it (commission assets {})",
                    order.clientOrderId(), trades, assets);
            return new VenueLookup.Unanswered("the trades of filled order " + order.clientOrderId()
                    + " do not add up to its executed quantity in one commission asset");
        }
        BigDecimal commission = trades.stream().map(AccountTrade::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
        Price average = Price.of(order.cummulativeQuoteQty().divide(order.executedQty(), MathContext.DECIMAL64)
                .stripTrailingZeros());
        Fill fill = new Fill(average, Money.of(commission.toPlainString(), assets.getFirst()),
                trades.getLast().time(), average);
        return new VenueLookup.Executed(String.valueOf(order.orderId()), fill);
    }

    private static Reason refusal(int code, String message) {
        return Reason.of("BINANCE_REFUSED", code + " " + message);
    }
}
