package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The spot matching engine behind the signed REST endpoints: one account, orders filled against the replayed
 * market, BigDecimal arithmetic throughout. Thread-safe (one lock) and deterministic: order and trade ids count
 * up from 1, times come from the injected clock.
 *
 * <p>The market price of a symbol is the close of its most recently closed released kline (of any interval).
 * A MARKET order fills at once, in full, at that price moved by the slippage against the trader (taker
 * commission); before any kline of the symbol is released there is no market and it EXPIRES unfilled, as on an
 * empty book. A LIMIT order whose price the market already reached (BUY: market at or below the limit; SELL: at
 * or above) fills at once like a MARKET order, never beyond its limit; otherwise GTC rests with its funds locked
 * and IOC/FOK expire. A resting order fills in full, at its own price (maker commission), when a later released
 * kline trades through it (BUY: low at or below the price; SELL: high at or above).
 */
final class MatchingEngine {

    /** Binance's precision for quote amounts and commissions. */
    static final int SCALE = 8;

    /** A placed order and the fills it got on arrival. */
    record Placement(SpotOrder order, List<SpotTrade> fills) {}

    /** A canceled order and the client id of the cancel request. */
    record Cancellation(SpotOrder order, String cancelClientOrderId) {}

    private record LastPrice(BigDecimal price, Instant closeTime) {}

    private final TradingConfig config;
    private final Function<String, Optional<Instrument>> instruments;
    private final Supplier<Instant> clock;
    private final Settlement settlement;
    private final AccountOrders book = new AccountOrders();
    private final Map<String, LastPrice> lastPrices = new HashMap<>();
    private final OcoOrders oco;

    MatchingEngine(TradingConfig config, Function<String, Optional<Instrument>> instruments, Supplier<Instant> clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settlement = new Settlement(config, instruments);
        this.oco = new OcoOrders(this, book, settlement, clock);
    }

    TradingConfig config() {
        return config;
    }

    /** Who hears of every order change and balance change (the user data stream); one at a time. */
    synchronized void listener(AccountListener listener) {
        book.listener(Objects.requireNonNull(listener, "listener"));
    }

    /** {@code POST /api/v3/order/test}: every check of a new order (but the balance), nothing changes. */
    synchronized void test(OrderRequest request) {
        Instrument instrument = tradable(request.symbol());
        Optional<BigDecimal> market = marketPrice(request.symbol());
        OrderFilters.check(instrument, request, quantity(request, instrument, market), market);
    }

    synchronized Placement place(OrderRequest request) {
        Instrument instrument = tradable(request.symbol());
        Optional<BigDecimal> market = marketPrice(request.symbol());
        BigDecimal quantity = quantity(request, instrument, market);
        OrderFilters.check(instrument, request, quantity, market);
        requireUnusedClientOrderId(request.symbol(), request.newClientOrderId());
        Optional<BigDecimal> execution = executionPrice(request, instrument, market);
        boolean fillsNow = execution.isPresent() && quantity.signum() > 0;
        boolean rests = !fillsNow
                && request.type() == SpotOrder.Type.LIMIT
                && request.timeInForce() == SpotOrder.TimeInForce.GTC;
        String lockedAsset = request.side() == SpotOrder.Side.BUY ? instrument.quoteAsset() : instrument.baseAsset();
        BigDecimal lock = BigDecimal.ZERO;
        if (fillsNow) {
            settlement.requireFree(
                    lockedAsset, settlement.cost(request.side(), execution.get(), quantity, config.takerCommission()));
        } else if (rests) {
            lock = settlement.cost(request.side(), request.price().orElseThrow(), quantity, config.makerCommission());
            settlement.balances().lock(lockedAsset, lock);
        }
        Instant now = clock.get();
        long orderId = book.newOrderId();
        SpotOrder order = SpotOrder.placed(
                orderId,
                request.symbol(),
                request.newClientOrderId().orElse("sim-order-" + orderId),
                request.side(),
                request.type(),
                request.type() == SpotOrder.Type.MARKET ? SpotOrder.TimeInForce.GTC : request.timeInForce(),
                request.price().orElse(BigDecimal.ZERO),
                quantity,
                request.quoteOrderQty().orElse(BigDecimal.ZERO),
                now,
                lockedAsset,
                lock);
        book.report(order, ExecutionReport.Type.NEW, Optional.empty(), now);
        if (fillsNow) {
            SpotTrade trade = fill(order, execution.get(), false, now);
            return new Placement(book.get(orderId), List.of(trade));
        }
        if (rests) {
            position(now, request.symbol());
        } else {
            order = order.ended(SpotOrder.Status.EXPIRED, now);
            book.report(order, ExecutionReport.Type.EXPIRED, Optional.empty(), now);
        }
        return new Placement(order, List.of());
    }

    /**
     * Cancels an open order, found by orderId or else by client order id; -2011 when there is none open. An order of
     * an open order list cancels the whole list.
     */
    synchronized Cancellation cancel(
            String symbol,
            Optional<Long> orderId,
            Optional<String> clientOrderId,
            Optional<String> cancelClientOrderId) {
        SpotOrder order = find(symbol, orderId, clientOrderId)
                .filter(SpotOrder::open)
                .orElseThrow(() -> TradingRefusal.badRequest(-2011, "Unknown order sent."));
        Optional<OrderList> list = oco.openListOf(order);
        if (list.isPresent()) {
            return oco
                    .cancel(symbol, Optional.of(list.get().orderListId()), Optional.empty(), cancelClientOrderId)
                    .orders()
                    .stream()
                    .filter(canceled -> canceled.order().orderId() == order.orderId())
                    .findFirst()
                    .orElseThrow();
        }
        Instant now = clock.get();
        String cancelId = cancelClientOrderId.orElseGet(book::newCancelId);
        if (order.locked().signum() > 0) {
            settlement.balances().unlock(order.lockedAsset(), order.locked());
        }
        SpotOrder canceled = order.ended(SpotOrder.Status.CANCELED, now);
        book.reportCanceled(canceled, cancelId, now);
        if (order.locked().signum() > 0) {
            position(now, symbol);
        }
        return new Cancellation(canceled, cancelId);
    }

    /** {@code POST /api/v3/orderList/oco}: see {@link OcoOrders}. */
    synchronized OcoOrders.ListPlacement placeOco(OcoRequest request) {
        return oco.place(request);
    }

    /** {@code DELETE /api/v3/orderList}: cancels an open list and its orders; -2011 when there is none open. */
    synchronized OcoOrders.ListCancellation cancelList(
            String symbol,
            Optional<Long> orderListId,
            Optional<String> listClientOrderId,
            Optional<String> cancelClientOrderId) {
        return oco.cancel(symbol, orderListId, listClientOrderId, cancelClientOrderId);
    }

    /**
     * {@code DELETE /api/v3/order} of an order of an open list cancels the whole list, as on Binance; empty when
     * the order is not an open order of an open list (then it is canceled alone, or refused).
     */
    synchronized Optional<OcoOrders.ListCancellation> cancelListOf(
            String symbol,
            Optional<Long> orderId,
            Optional<String> clientOrderId,
            Optional<String> cancelClientOrderId) {
        return find(symbol, orderId, clientOrderId)
                .filter(SpotOrder::open)
                .flatMap(oco::openListOf)
                .map(list ->
                        oco.cancel(symbol, Optional.of(list.orderListId()), Optional.empty(), cancelClientOrderId));
    }

    /** An order list by orderListId, else the latest with that listClientOrderId; any symbol when none is given. */
    synchronized Optional<OrderList> findList(
            Optional<String> symbol, Optional<Long> orderListId, Optional<String> listClientOrderId) {
        return oco.find(symbol, orderListId, listClientOrderId);
    }

    synchronized List<OrderList> openLists() {
        return book.lists().stream().filter(OrderList::open).toList();
    }

    /** Every order list of a symbol, oldest first. */
    synchronized List<OrderList> orderLists(String symbol) {
        return book.lists().stream()
                .filter(list -> list.symbol().equals(symbol))
                .toList();
    }

    /** A list's orders as they are now, below order first. */
    synchronized List<SpotOrder> ordersOf(OrderList list) {
        return oco.ordersOf(list);
    }

    /**
     * A kline has been released: it becomes the symbol's market price (if it is the latest one), fills every
     * resting order of the symbol it trades through, and then acts on the symbol's open order lists
     * ({@link OcoOrders}). Returns the plain orders filled.
     */
    synchronized List<SpotOrder> onKline(String symbol, Kline kline) {
        LastPrice last = lastPrices.get(symbol);
        if (last == null || !kline.closeTime().isBefore(last.closeTime())) {
            lastPrices.put(symbol, new LastPrice(kline.close(), kline.closeTime()));
        }
        Instant now = clock.get();
        List<SpotOrder> filled = new ArrayList<>();
        for (SpotOrder order : List.copyOf(book.orders())) {
            if (!order.open()
                    || !order.symbol().equals(symbol)
                    || oco.openListOf(order).isPresent()) {
                continue;
            }
            boolean crossed = order.side() == SpotOrder.Side.BUY
                    ? kline.low().compareTo(order.price()) <= 0
                    : kline.high().compareTo(order.price()) >= 0;
            if (crossed) {
                fill(order, order.price(), true, now);
                filled.add(book.get(order.orderId()));
            }
        }
        oco.onKline(symbol, kline, now);
        return filled;
    }

    /** By orderId when given, else the latest order with that client order id. */
    synchronized Optional<SpotOrder> find(String symbol, Optional<Long> orderId, Optional<String> clientOrderId) {
        if (orderId.isPresent()) {
            return Optional.ofNullable(book.get(orderId.get()))
                    .filter(order -> order.symbol().equals(symbol));
        }
        String wanted = clientOrderId.orElseThrow(
                () -> new IllegalArgumentException("an orderId or a clientOrderId is needed"));
        return book.orders().stream()
                .filter(order ->
                        order.symbol().equals(symbol) && order.clientOrderId().equals(wanted))
                .max(Comparator.comparingLong(SpotOrder::orderId));
    }

    synchronized List<SpotOrder> openOrders(Optional<String> symbol) {
        return book.orders().stream()
                .filter(order ->
                        order.open() && symbol.map(order.symbol()::equals).orElse(true))
                .toList();
    }

    /** Every order of a symbol, oldest first. */
    synchronized List<SpotOrder> orders(String symbol) {
        return book.orders().stream()
                .filter(order -> order.symbol().equals(symbol))
                .toList();
    }

    /** Every trade of a symbol, oldest first. */
    synchronized List<SpotTrade> trades(String symbol) {
        return settlement.trades().stream()
                .filter(trade -> trade.symbol().equals(symbol))
                .toList();
    }

    synchronized List<SpotTrade> tradesOf(long orderId) {
        return settlement.trades().stream()
                .filter(trade -> trade.orderId() == orderId)
                .toList();
    }

    synchronized Map<String, Balances.Amounts> balances() {
        return new TreeMap<>(settlement.balances().all());
    }

    synchronized Optional<BigDecimal> marketPrice(String symbol) {
        return Optional.ofNullable(lastPrices.get(symbol)).map(LastPrice::price);
    }

    Instrument tradable(String symbol) {
        Instrument instrument =
                instruments.apply(symbol).orElseThrow(() -> TradingRefusal.badRequest(-1121, "Invalid symbol."));
        if (!instrument.status().equals("TRADING")) {
            throw TradingRefusal.badRequest(-1013, "Market is closed.");
        }
        if (!config.canTrade()) {
            throw TradingRefusal.badRequest(-2010, "This action is disabled on this account.");
        }
        return instrument;
    }

    /** -2010 "Duplicate order sent." when an open order of the symbol already has this client order id. */
    void requireUnusedClientOrderId(String symbol, Optional<String> clientOrderId) {
        if (clientOrderId.isPresent()
                && openOrders(Optional.of(symbol)).stream()
                        .anyMatch(open -> open.clientOrderId().equals(clientOrderId.get()))) {
            throw TradingRefusal.badRequest(-2010, "Duplicate order sent.");
        }
    }

    /** Fills the whole remaining quantity of an order at {@code price}; reports the trade and the new balances. */
    SpotTrade fill(SpotOrder order, BigDecimal price, boolean maker, Instant at) {
        SpotTrade trade = settlement.fill(order, price, maker, at);
        book.report(
                order.filled(trade.qty(), trade.quoteQty(), at), ExecutionReport.Type.TRADE, Optional.of(trade), at);
        position(at, order.symbol());
        return trade;
    }

    void position(Instant at, String symbol) {
        book.reportPosition(at, settlement.amountsOf(symbol));
    }

    /** The base quantity: as sent, or what quoteOrderQty buys at the taker price (rounded down to the step). */
    private BigDecimal quantity(OrderRequest request, Instrument instrument, Optional<BigDecimal> market) {
        if (request.quantity().isPresent()) {
            return request.quantity().get();
        }
        BigDecimal quote = request.quoteOrderQty().orElseThrow();
        return market.map(price -> settlement.slipped(price, request.side(), instrument.tickSize()))
                .map(price -> quote.divide(price.multiply(instrument.stepSize()), 0, RoundingMode.DOWN)
                        .multiply(instrument.stepSize()))
                .orElse(BigDecimal.ZERO);
    }

    /** The price the order fills at on arrival, if it fills on arrival. */
    private Optional<BigDecimal> executionPrice(
            OrderRequest request, Instrument instrument, Optional<BigDecimal> market) {
        if (market.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal taker = settlement.slipped(market.get(), request.side(), instrument.tickSize());
        if (request.type() == SpotOrder.Type.MARKET) {
            return Optional.of(taker);
        }
        BigDecimal limit = request.price().orElseThrow();
        boolean buy = request.side() == SpotOrder.Side.BUY;
        if (buy ? market.get().compareTo(limit) > 0 : market.get().compareTo(limit) < 0) {
            return Optional.empty();
        }
        return Optional.of(buy ? taker.min(limit) : taker.max(limit));
    }
}
