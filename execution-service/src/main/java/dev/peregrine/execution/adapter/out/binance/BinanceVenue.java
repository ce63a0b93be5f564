package dev.peregrine.execution.adapter.out.binance;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.out.VenueCancel;
import dev.peregrine.execution.application.port.out.VenueLookup;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.application.port.out.VenueSubmission;
import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>A protective pair goes out as ONE SELL OCO order list ({@link OcoSell}): the STOP_LOSS leg as the below
 * STOP_LOSS order (a stop-market at the entry's stop), the TAKE_PROFIT leg as the above LIMIT_MAKER at the entry's
 * take-profit, each under its own clientOrderId and the list under one derived from both ({@link #listClientOrderIdOf}).
 * Binance locks the base quantity once for the list, and when one order executes it expires the other (a lookup then
 * answers {@code Ended}). A pair with one level only goes out as a single STOP_LOSS or LIMIT_MAKER order. Prices go
 * on the symbol's tick ({@code exchangeInfo}, read once per symbol) away from the market: the stop rounded DOWN (a
 * sell stop never triggers earlier, i.e. above, the level risk set), the take-profit rounded UP (never sells below
 * the level asked); the quantity goes DOWN on the step (never sells more than the leg holds). Canceling either leg
 * cancels the whole list; the cancel of the other leg then finds it CANCELED and answers {@code Canceled} too.
 */
public final class BinanceVenue implements VenuePort {

    /** An average price's decimals: Binance's prices have at most 8, a price at most 18 (common's bound). */
    private static final int AVERAGE_SCALE = 18;

    public static final String NAME = "binance";

    private static final Logger log = LoggerFactory.getLogger(BinanceVenue.class);

    private final BinanceSpotRest rest;
    private final Map<String, SymbolFilters> filters = new ConcurrentHashMap<>();
    private final FilledAtOnce filledAtOnce = new FilledAtOnce();

    public BinanceVenue(BinanceSpotRest rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public VenueSubmission submit(Order order) {
        NewOrder request = NewOrder.market(
                order.symbol().value(),
                OrderSide.valueOf(order.side().name()),
                order.quantity().value(),
                order.clientOrderId());
        BinanceAnswer<PlacedOrder> answer = rest.newOrder(request);
        if (answer instanceof BinanceAnswer.Ok<PlacedOrder> ok) {
            filledAtOnce.remember(ok.value());
        }
        return submissionOf(answer, placed -> String.valueOf(placed.orderId()));
    }

    @Override
    public List<VenueSubmission> submitProtection(List<Order> legs) {
        if (legs.isEmpty()) {
            return List.of();
        }
        String symbol = legs.getFirst().symbol().value();
        Optional<Order> stop = legs.stream()
                .filter(leg -> leg.purpose() == OrderPurpose.STOP_LOSS)
                .findFirst();
        Optional<Order> takeProfit = legs.stream()
                .filter(leg -> leg.purpose() == OrderPurpose.TAKE_PROFIT)
                .findFirst();
        if (legs.size() != stop.stream().count() + takeProfit.stream().count()) {
            throw new IllegalArgumentException("protective legs must be one STOP_LOSS and/or one TAKE_PROFIT: " + legs);
        }
        SymbolFilters filters;
        switch (filtersOf(symbol)) {
            case BinanceAnswer.Ok<SymbolFilters> ok -> filters = ok.value();
            case BinanceAnswer<SymbolFilters> failed -> {
                return refuseAll(
                        legs,
                        Reason.of(
                                "BINANCE_FILTERS_UNAVAILABLE",
                                "the " + symbol + " filters could " + "not be read (" + failed
                                        + "); nothing was placed"));
            }
        }
        BigDecimal quantity = filters.quantity(legs.getFirst().quantity().value());
        if (quantity.compareTo(filters.minQty()) < 0) {
            return refuseAll(
                    legs,
                    Reason.of(
                            "BELOW_LOT_SIZE",
                            "the protected quantity " + legs.getFirst().quantity() + " is below " + symbol
                                    + "'s minimum " + filters.minQty().toPlainString() + "; nothing was placed"));
        }
        if (stop.isPresent() && takeProfit.isPresent()) {
            return submitPair(legs, stop.get(), takeProfit.get(), filters, quantity);
        }
        NewOrder single = stop.map(leg -> NewOrder.stopLoss(
                        symbol, OrderSide.SELL, quantity, stopPrice(leg, filters), leg.clientOrderId()))
                .orElseGet(() -> NewOrder.limitMaker(
                        symbol,
                        OrderSide.SELL,
                        quantity,
                        takeProfitPrice(takeProfit.get(), filters),
                        takeProfit.get().clientOrderId()));
        return List.of(submissionOf(rest.newOrder(single), placed -> String.valueOf(placed.orderId())));
    }

    private List<VenueSubmission> submitPair(
            List<Order> legs, Order stop, Order takeProfit, SymbolFilters filters, BigDecimal quantity) {
        OcoSell oco = new OcoSell(
                stop.symbol().value(),
                quantity,
                takeProfitPrice(takeProfit, filters),
                stopPrice(stop, filters),
                takeProfit.clientOrderId(),
                stop.clientOrderId(),
                listClientOrderIdOf(takeProfit.clientOrderId(), stop.clientOrderId()));
        BinanceAnswer<PlacedOrderList> answer = rest.newOcoSell(oco);
        return legs.stream()
                .map(leg -> submissionOf(
                        answer,
                        list -> list.orderIdOf(leg.clientOrderId())
                                .map(String::valueOf)
                                .orElseThrow(() -> new IllegalStateException("Binance's list " + list.orderListId()
                                        + " does not name leg " + leg.clientOrderId()))))
                .toList();
    }

    /** {@code pl-} and 32 hex digits derived from both legs' clientOrderIds: 35 characters of {@code [a-z0-9-]}. */
    static String listClientOrderIdOf(String takeProfitClientOrderId, String stopClientOrderId) {
        return "pl-"
                + DerivedIds.from("oco-list", takeProfitClientOrderId, stopClientOrderId)
                        .toString()
                        .replace("-", "");
    }

    /** The stop on the tick, rounded DOWN: a SELL stop never moves above (closer to the market than) its level. */
    private static BigDecimal stopPrice(Order leg, SymbolFilters filters) {
        return filters.price(leg.role().stopLoss().value(), RoundingMode.FLOOR);
    }

    /** The take-profit on the tick, rounded UP: a SELL take-profit never moves below its level. */
    private static BigDecimal takeProfitPrice(Order leg, SymbolFilters filters) {
        return filters.price(leg.role().takeProfit().value(), RoundingMode.CEILING);
    }

    /**
     * Rounded down to the symbol's LOT_SIZE step. Without the filters (exchangeInfo unanswered) the quantity is sent as
     * it is: Binance then refuses it if it is off the step, and nothing is sold wrongly.
     */
    @Override
    public Quantity sellable(Symbol symbol, Quantity quantity) {
        return switch (filtersOf(symbol.value())) {
            case BinanceAnswer.Ok<SymbolFilters> ok -> Quantity.of(ok.value().quantity(quantity.value()));
            default -> quantity;
        };
    }

    /** {@code GET /api/v3/account}: every asset, free and locked. */
    @Override
    public Optional<List<dev.peregrine.common.event.AccountSnapshot.AssetBalance>> balances() {
        if (!(rest.account() instanceof BinanceAnswer.Ok<AccountSnapshot> ok)) {
            return Optional.empty();
        }
        return Optional.of(ok.value().balances().stream()
                .map(balance -> new dev.peregrine.common.event.AccountSnapshot.AssetBalance(
                        balance.asset(), balance.free(), balance.locked()))
                .toList());
    }

    private BinanceAnswer<SymbolFilters> filtersOf(String symbol) {
        SymbolFilters known = filters.get(symbol);
        if (known != null) {
            return new BinanceAnswer.Ok<>(known);
        }
        BinanceAnswer<SymbolFilters> answer = rest.symbolFilters(symbol);
        if (answer instanceof BinanceAnswer.Ok<SymbolFilters> ok) {
            filters.put(symbol, ok.value());
        }
        return answer;
    }

    private static List<VenueSubmission> refuseAll(List<Order> legs, Reason reason) {
        return legs.stream()
                .<VenueSubmission>map(leg -> new VenueSubmission.Refused(reason))
                .toList();
    }

    /** What a placement's answer means for one order: acknowledged under its orderId, refused, or unknown. */
    private static <T> VenueSubmission submissionOf(BinanceAnswer<T> answer, Function<T, String> venueOrderId) {
        return switch (answer) {
            case BinanceAnswer.Ok<T> ok -> new VenueSubmission.Acknowledged(venueOrderId.apply(ok.value()));
            case BinanceAnswer.Refused<T> refused ->
                new VenueSubmission.Refused(refusal(refused.code(), refused.message()));
            case BinanceAnswer.NotFound<T> notFound ->
                new VenueSubmission.Refused(refusal(notFound.code(), notFound.message()));
            // Binance rejects a rate-limited request before processing it: nothing was placed.
            case BinanceAnswer.RateLimited<T> limited ->
                new VenueSubmission.Refused(Reason.of(
                        "RATE_LIMITED",
                        (limited.httpStatus() == 0
                                        ? "not sent: the request-weight budget or a Retry-After is running"
                                        : "Binance answered HTTP " + limited.httpStatus())
                                + limited.retryAfter()
                                        .map(after -> ", retry after " + after.toMillis() + " ms")
                                        .orElse("")
                                + "; nothing was placed"));
            case BinanceAnswer.Unknown<T> unknown -> new VenueSubmission.Unknown(unknown.why());
        };
    }

    @Override
    public VenueLookup lookup(Order order) {
        Optional<VenueLookup.Executed> filled = filledAtOnce.take(order.clientOrderId());
        if (filled.isPresent()) {
            return filled.get();
        }
        return switch (rest.queryOrder(order.symbol().value(), order.clientOrderId())) {
            case BinanceAnswer.Ok<VenueOrder> ok -> lookupOf(ok.value());
            case BinanceAnswer.NotFound<VenueOrder> notFound ->
                new VenueLookup.Absent(notFound.code() + " " + notFound.message());
            case BinanceAnswer.Refused<VenueOrder> refused ->
                new VenueLookup.Unanswered("refused: " + refused.code() + " " + refused.message());
            case BinanceAnswer.RateLimited<VenueOrder> limited ->
                new VenueLookup.Unanswered("rate limited (HTTP " + limited.httpStatus() + ")");
            case BinanceAnswer.Unknown<VenueOrder> unknown -> new VenueLookup.Unanswered(unknown.why());
        };
    }

    @Override
    public VenueCancel cancel(Order order) {
        return switch (rest.cancelOrder(order.symbol().value(), order.clientOrderId())) {
            case BinanceAnswer.Ok<VenueOrder> ok ->
                ok.value().executedQty().signum() == 0
                        ? new VenueCancel.Canceled()
                        : new VenueCancel.NotWorking("canceled after executing "
                                + ok.value().executedQty().toPlainString());
            // -2011 "Unknown order sent.": no longer open (filled or ended); a lookup says which.
            case BinanceAnswer.NotFound<VenueOrder> notFound ->
                order.role().isProtective()
                        ? canceledWithItsList(order, notFound)
                        : new VenueCancel.NotWorking(notFound.code() + " " + notFound.message());
            case BinanceAnswer.Refused<VenueOrder> refused ->
                new VenueCancel.Unanswered("refused: " + refused.code() + " " + refused.message());
            case BinanceAnswer.RateLimited<VenueOrder> limited ->
                new VenueCancel.Unanswered("rate limited (HTTP " + limited.httpStatus() + ")");
            case BinanceAnswer.Unknown<VenueOrder> unknown -> new VenueCancel.Unanswered(unknown.why());
        };
    }

    /**
     * A protective leg Binance no longer has open: if the cancel of the other leg canceled its whole list, it is
     * CANCELED having executed nothing, which is what this cancel asked for; otherwise (it executed, expired or was
     * not found) a lookup settles it.
     */
    private VenueCancel canceledWithItsList(Order leg, BinanceAnswer.NotFound<VenueOrder> notFound) {
        if (rest.queryOrder(leg.symbol().value(), leg.clientOrderId()) instanceof BinanceAnswer.Ok<VenueOrder> ok
                && ok.value().orderListId() >= 0
                && ok.value().status() == VenueOrderStatus.CANCELED
                && ok.value().executedQty().signum() == 0) {
            return new VenueCancel.Canceled();
        }
        return new VenueCancel.NotWorking(notFound.code() + " " + notFound.message());
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
            log.error(
                    "Order {} ended {} at Binance after executing {} of {}: partial executions are not settled yet",
                    order.clientOrderId(),
                    order.status(),
                    order.executedQty().toPlainString(),
                    order.origQty().toPlainString());
            return new VenueLookup.Unanswered(
                    "ended " + order.status() + " partly executed; not settled automatically");
        }
        return new VenueLookup.Ended(
                venueOrderId,
                Reason.of(
                        order.status().name(),
                        "Binance reports the order " + order.status() + " with nothing executed"));
    }

    private VenueLookup executed(VenueOrder order) {
        BinanceAnswer<List<AccountTrade>> answer = rest.myTrades(order.symbol(), order.orderId());
        if (!(answer instanceof BinanceAnswer.Ok<List<AccountTrade>> ok)) {
            return new VenueLookup.Unanswered("the trades of filled order " + order.clientOrderId() + ": " + answer);
        }
        List<AccountTrade> trades = ok.value();
        List<String> assets =
                trades.stream().map(AccountTrade::commissionAsset).distinct().toList();
        BigDecimal traded = trades.stream().map(AccountTrade::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (trades.isEmpty() || assets.size() != 1 || traded.compareTo(order.executedQty()) != 0) {
            log.error(
                    "Order {} is FILLED at Binance but its trades {} do not settle it (commission assets {})",
                    order.clientOrderId(),
                    trades,
                    assets);
            return new VenueLookup.Unanswered("the trades of filled order " + order.clientOrderId()
                    + " do not add up to its executed quantity in one commission asset");
        }
        BigDecimal commission = trades.stream().map(AccountTrade::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
        Price average = Price.of(order.cummulativeQuoteQty()
                .divide(order.executedQty(), AVERAGE_SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros());
        Fill fill = new Fill(
                average,
                Money.of(commission.toPlainString(), assets.getFirst()),
                trades.getLast().time(),
                average);
        return new VenueLookup.Executed(String.valueOf(order.orderId()), fill);
    }

    private static Reason refusal(int code, String message) {
        return Reason.of("BINANCE_REFUSED", code + " " + message);
    }
}
