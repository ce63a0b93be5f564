package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The account's OCO order lists, part of the {@link MatchingEngine} and guarded by its lock: placement with
 * Binance's checks, the base quantity locked once for both orders, fills by released klines and the cancel of a
 * whole list. Only SELL lists (protecting a long position) are simulated.
 *
 * <p>A SELL list's above order is LIMIT_MAKER, TAKE_PROFIT or TAKE_PROFIT_LIMIT and its below order STOP_LOSS or
 * STOP_LOSS_LIMIT; the below order gets the lower orderId (as in Binance's example). A released kline acts on an
 * open list: a stop is reached when the kline's low is at or below its stopPrice, a take-profit when its high is at
 * or above its stopPrice, a LIMIT_MAKER when its high is at or above its price; when one kline reaches both orders
 * the stop wins. A STOP_LOSS / TAKE_PROFIT fills at once as taker at its stopPrice moved by the slippage, clamped
 * to the kline's range; a LIMIT_MAKER fills at its price as maker; a *_LIMIT order fills like a stop but never
 * below its limit price, and rests as a limit order (holding the list's funds) when its price is above that. The
 * other order then EXPIRES and the list is ALL_DONE.
 */
final class OcoOrders {

    /** A placed list and its orders, below order first. */
    record ListPlacement(OrderList list, List<SpotOrder> orders) {}

    /** A canceled list and its canceled orders, below order first. */
    record ListCancellation(OrderList list, List<MatchingEngine.Cancellation> orders) {}

    private static final Set<SpotOrder.Type> SELL_ABOVE =
            Set.of(SpotOrder.Type.LIMIT_MAKER, SpotOrder.Type.TAKE_PROFIT, SpotOrder.Type.TAKE_PROFIT_LIMIT);
    private static final Set<SpotOrder.Type> STOPS = Set.of(SpotOrder.Type.STOP_LOSS, SpotOrder.Type.STOP_LOSS_LIMIT);
    private static final Set<SpotOrder.Type> TAKE_PROFITS =
            Set.of(SpotOrder.Type.TAKE_PROFIT, SpotOrder.Type.TAKE_PROFIT_LIMIT);

    private final MatchingEngine engine;
    private final AccountOrders book;
    private final Settlement settlement;
    private final Supplier<Instant> clock;

    OcoOrders(MatchingEngine engine, AccountOrders book, Settlement settlement, Supplier<Instant> clock) {
        this.engine = engine;
        this.book = book;
        this.settlement = settlement;
        this.clock = clock;
    }

    ListPlacement place(OcoRequest request) {
        Instrument instrument = engine.tradable(request.symbol());
        if (request.side() != SpotOrder.Side.SELL) {
            throw TradingRefusal.badRequest(-1000, "The exchange simulator does not simulate BUY order lists.");
        }
        checkTypes(request.above(), request.below());
        checkFilters(instrument, request);
        checkPrices(request, engine.marketPrice(request.symbol()));
        requireUnusedIds(request);
        settlement.balances().lock(instrument.baseAsset(), request.quantity());
        Instant now = clock.get();
        long listId = book.newListId();
        SpotOrder below = leg(request, request.below(), listId, instrument, now);
        SpotOrder above = leg(request, request.above(), listId, instrument, now);
        OrderList list = new OrderList(
                listId,
                request.symbol(),
                request.listClientOrderId().orElse("sim-list-" + listId),
                OrderList.StatusType.EXEC_STARTED,
                OrderList.OrderStatus.EXECUTING,
                List.of(below.orderId(), above.orderId()),
                now,
                instrument.baseAsset(),
                request.quantity());
        book.report(below, ExecutionReport.Type.NEW, Optional.empty(), now);
        book.report(above, ExecutionReport.Type.NEW, Optional.empty(), now);
        book.reportList(list, now);
        engine.position(now, request.symbol());
        return new ListPlacement(list, List.of(below, above));
    }

    /** Cancels an open list and both its orders; -2011 when there is no such open list. */
    ListCancellation cancel(
            String symbol,
            Optional<Long> orderListId,
            Optional<String> listClientOrderId,
            Optional<String> cancelClientOrderId) {
        OrderList list = find(Optional.of(symbol), orderListId, listClientOrderId)
                .filter(OrderList::open)
                .orElseThrow(() -> TradingRefusal.badRequest(-2011, "Unknown order sent."));
        Instant now = clock.get();
        String cancelId = cancelClientOrderId.orElseGet(book::newCancelId);
        settlement.balances().unlock(list.lockedAsset(), list.locked());
        List<MatchingEngine.Cancellation> canceled = new ArrayList<>(2);
        for (SpotOrder order : ordersOf(list)) {
            SpotOrder ended = order.ended(SpotOrder.Status.CANCELED, now);
            book.reportCanceled(ended, cancelId, now);
            canceled.add(new MatchingEngine.Cancellation(ended, cancelId));
        }
        OrderList done = list.done(now);
        book.reportList(done, now);
        engine.position(now, symbol);
        return new ListCancellation(done, canceled);
    }

    /** The open list an order belongs to, if it belongs to one that is still open. */
    Optional<OrderList> openListOf(SpotOrder order) {
        return order.orderListId() < 0
                ? Optional.empty()
                : book.list(order.orderListId()).filter(OrderList::open);
    }

    /**
     * By orderListId when given (and then the listClientOrderId, if also given, must match), else the latest list
     * with that listClientOrderId.
     */
    Optional<OrderList> find(Optional<String> symbol, Optional<Long> orderListId, Optional<String> listClientOrderId) {
        if (orderListId.isPresent()) {
            return book.list(orderListId.get())
                    .filter(list -> symbol.map(list.symbol()::equals).orElse(true))
                    .filter(list -> listClientOrderId
                            .map(list.listClientOrderId()::equals)
                            .orElse(true));
        }
        String wanted = listClientOrderId.orElseThrow(
                () -> new IllegalArgumentException("an orderListId or a listClientOrderId is needed"));
        return book.lists().stream()
                .filter(list -> symbol.map(list.symbol()::equals).orElse(true)
                        && list.listClientOrderId().equals(wanted))
                .max(Comparator.comparingLong(OrderList::orderListId));
    }

    List<SpotOrder> ordersOf(OrderList list) {
        return list.orderIds().stream().map(book::get).toList();
    }

    /** A released kline acts on every open list of the symbol it reaches (see the class comment). */
    void onKline(String symbol, Kline kline, Instant now) {
        for (OrderList list : List.copyOf(book.lists())) {
            if (!list.open() || !list.symbol().equals(symbol)) {
                continue;
            }
            SpotOrder below = book.get(list.orderIds().get(0));
            SpotOrder above = book.get(list.orderIds().get(1));
            if (reached(below, kline)) {
                trigger(list, below, above, kline, now);
            } else if (reached(above, kline)) {
                trigger(list, above, below, kline, now);
            }
        }
    }

    private static boolean reached(SpotOrder order, Kline kline) {
        return switch (order.type()) {
            case STOP_LOSS, STOP_LOSS_LIMIT -> kline.low().compareTo(order.stopPrice()) <= 0;
            case TAKE_PROFIT, TAKE_PROFIT_LIMIT -> kline.high().compareTo(order.stopPrice()) >= 0;
            case LIMIT_MAKER -> kline.high().compareTo(order.price()) >= 0;
            case MARKET, LIMIT -> throw new IllegalStateException("a " + order.type() + " order in an OCO list");
        };
    }

    private void trigger(OrderList list, SpotOrder leg, SpotOrder other, Kline kline, Instant now) {
        settlement.balances().unlock(list.lockedAsset(), list.locked());
        Instrument instrument = engine.tradable(list.symbol());
        if (leg.type() == SpotOrder.Type.LIMIT_MAKER) {
            engine.fill(leg, leg.price(), true, now);
        } else {
            BigDecimal taker = clamp(settlement.slipped(leg.stopPrice(), leg.side(), instrument.tickSize()), kline);
            boolean limited =
                    leg.type() == SpotOrder.Type.STOP_LOSS_LIMIT || leg.type() == SpotOrder.Type.TAKE_PROFIT_LIMIT;
            if (!limited) {
                engine.fill(leg, taker, false, now);
            } else if (leg.price().compareTo(taker) <= 0) {
                engine.fill(leg, taker.max(leg.price()), false, now);
            } else {
                // Triggered, but its limit is above the market: it rests as a limit order holding the list's funds.
                settlement.balances().lock(list.lockedAsset(), list.locked());
                book.report(leg.working(now, list.locked()), ExecutionReport.Type.NEW, Optional.empty(), now);
            }
        }
        book.report(other.ended(SpotOrder.Status.EXPIRED, now), ExecutionReport.Type.EXPIRED, Optional.empty(), now);
        book.reportList(list.done(now), now);
    }

    private static BigDecimal clamp(BigDecimal price, Kline kline) {
        return price.max(kline.low()).min(kline.high());
    }

    /** A SELL list: above LIMIT_MAKER or TAKE_PROFIT*, below STOP_LOSS*. */
    private static void checkTypes(OcoRequest.Leg above, OcoRequest.Leg below) {
        if (STOPS.contains(above.type())) {
            throw TradingRefusal.badRequest(-1197, "A stop loss order in a sell OCO must be below.");
        }
        if (below.type() == SpotOrder.Type.LIMIT_MAKER) {
            throw TradingRefusal.badRequest(-1166, "A limit order in a sell OCO must be above.");
        }
        if (TAKE_PROFITS.contains(below.type())) {
            throw TradingRefusal.badRequest(-1199, "A take profit order in a sell OCO must be above.");
        }
        if (!SELL_ABOVE.contains(above.type()) || !STOPS.contains(below.type())) {
            throw TradingRefusal.badRequest(-1158, "Order type not supported in OCO.");
        }
    }

    /** PRICE_FILTER on every price and stopPrice, LOT_SIZE on the quantity, the notional of each order at its price. */
    private static void checkFilters(Instrument instrument, OcoRequest request) {
        for (OcoRequest.Leg leg : List.of(request.above(), request.below())) {
            for (BigDecimal price : leg.price().stream().toList()) {
                checkPrice(instrument, price);
            }
            for (BigDecimal stop : leg.stopPrice().stream().toList()) {
                checkPrice(instrument, stop);
            }
        }
        BigDecimal quantity = request.quantity();
        if (quantity.compareTo(instrument.minQty()) < 0
                || quantity.compareTo(instrument.maxQty()) > 0
                || !OrderFilters.onStep(quantity.subtract(instrument.minQty()), instrument.stepSize())) {
            throw TradingRefusal.filterFailure("LOT_SIZE");
        }
        for (OcoRequest.Leg leg : List.of(request.above(), request.below())) {
            BigDecimal notional = leg.price().orElse(leg.triggerPrice()).multiply(quantity);
            boolean tooBig = instrument.notionalFilter() == Instrument.NotionalFilter.NOTIONAL
                    && notional.compareTo(instrument.maxNotional()) > 0;
            if (notional.compareTo(instrument.minNotional()) < 0 || tooBig) {
                throw TradingRefusal.filterFailure(instrument.notionalFilter().name());
            }
        }
    }

    private static void checkPrice(Instrument instrument, BigDecimal price) {
        if (price.compareTo(instrument.minPrice()) < 0
                || price.compareTo(instrument.maxPrice()) > 0
                || !OrderFilters.onStep(price.subtract(instrument.minPrice()), instrument.tickSize())) {
            throw TradingRefusal.filterFailure("PRICE_FILTER");
        }
    }

    /** SELL: the above order's price and stopPrice above the last price, the below order's stopPrice below it. */
    private static void checkPrices(OcoRequest request, Optional<BigDecimal> market) {
        boolean holds = market.isPresent()
                && request.above()
                        .price()
                        .map(price -> price.compareTo(market.get()) > 0)
                        .orElse(true)
                && request.above()
                        .stopPrice()
                        .map(stop -> stop.compareTo(market.get()) > 0)
                        .orElse(true)
                && request.below().stopPrice().orElseThrow().compareTo(market.get()) < 0;
        if (!holds) {
            throw TradingRefusal.badRequest(-2010, "The relationship of the prices for the orders is not correct.");
        }
    }

    private void requireUnusedIds(OcoRequest request) {
        Optional<String> aboveId = request.above().clientOrderId();
        Optional<String> belowId = request.below().clientOrderId();
        if (aboveId.isPresent() && aboveId.equals(belowId)) {
            throw TradingRefusal.badRequest(-2010, "Duplicate order sent.");
        }
        engine.requireUnusedClientOrderId(request.symbol(), aboveId);
        engine.requireUnusedClientOrderId(request.symbol(), belowId);
        if (request.listClientOrderId().isPresent()
                && book.lists().stream()
                        .anyMatch(list -> list.open()
                                && list.listClientOrderId()
                                        .equals(request.listClientOrderId().get()))) {
            throw TradingRefusal.badRequest(-2010, "Duplicate order sent.");
        }
    }

    private SpotOrder leg(OcoRequest request, OcoRequest.Leg leg, long listId, Instrument instrument, Instant now) {
        long orderId = book.newOrderId();
        return SpotOrder.listed(
                orderId,
                request.symbol(),
                leg.clientOrderId().orElse("sim-order-" + orderId),
                request.side(),
                leg.type(),
                leg.timeInForce().orElse(SpotOrder.TimeInForce.GTC),
                leg.price().orElse(BigDecimal.ZERO),
                request.quantity(),
                now,
                instrument.baseAsset(),
                listId,
                leg.stopPrice().orElse(BigDecimal.ZERO));
    }
}
