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
    record Placement(SpotOrder order, List<SpotTrade> fills) {
    }

    /** A canceled order and the client id of the cancel request. */
    record Cancellation(SpotOrder order, String cancelClientOrderId) {
    }

    private record LastPrice(BigDecimal price, Instant closeTime) {
    }

    private final TradingConfig config;
    private final Function<String, Optional<Instrument>> instruments;
    private final Supplier<Instant> clock;
    private final Balances balances;
    private final Map<Long, SpotOrder> orders = new TreeMap<>();
    private final List<SpotTrade> trades = new ArrayList<>();
    private final Map<String, LastPrice> lastPrices = new HashMap<>();
    private long nextOrderId = 1;
    private long nextTradeId = 1;
    private long nextCancelId = 1;

    MatchingEngine(TradingConfig config, Function<String, Optional<Instrument>> instruments, Supplier<Instant> clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.balances = new Balances(config.balances());
    }

    TradingConfig config() {
        return config;
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
        if (request.newClientOrderId().isPresent() && openOrders(Optional.of(request.symbol())).stream()
                .anyMatch(open -> open.clientOrderId().equals(request.newClientOrderId().get()))) {
            throw TradingRefusal.badRequest(-2010, "Duplicate order sent.");
        }
        Optional<BigDecimal> execution = executionPrice(request, instrument, market);
        boolean fillsNow = execution.isPresent() && quantity.signum() > 0;
        boolean rests = !fillsNow && request.type() == SpotOrder.Type.LIMIT && request.timeInForce() == SpotOrder.TimeInForce.GTC;
        String lockedAsset = request.side() == SpotOrder.Side.BUY ? instrument.quoteAsset() : instrument.baseAsset();
        BigDecimal lock = BigDecimal.ZERO;
        if (fillsNow) {
            requireFree(lockedAsset, cost(request.side(), execution.get(), quantity, config.takerCommission()));
        } else if (rests) {
            lock = cost(request.side(), request.price().orElseThrow(), quantity, config.makerCommission());
            balances.lock(lockedAsset, lock);
        }
        Instant now = clock.get();
        long orderId = nextOrderId++;
        SpotOrder order = new SpotOrder(orderId, request.symbol(),
                request.newClientOrderId().orElse("sim-order-" + orderId), request.side(), request.type(),
                request.type() == SpotOrder.Type.MARKET ? SpotOrder.TimeInForce.GTC : request.timeInForce(),
                request.price().orElse(BigDecimal.ZERO), quantity, request.quoteOrderQty().orElse(BigDecimal.ZERO),
                BigDecimal.ZERO, BigDecimal.ZERO, SpotOrder.Status.NEW, now, now, lockedAsset, lock);
        orders.put(orderId, order);
        if (fillsNow) {
            SpotTrade trade = fill(order, execution.get(), false, now);
            return new Placement(orders.get(orderId), List.of(trade));
        }
        if (!rests) {
            order = order.ended(SpotOrder.Status.EXPIRED, now);
            orders.put(orderId, order);
        }
        return new Placement(order, List.of());
    }

    /** Cancels an open order, found by orderId or else by client order id; -2011 when there is none open. */
    synchronized Cancellation cancel(String symbol, Optional<Long> orderId, Optional<String> clientOrderId,
                                     Optional<String> cancelClientOrderId) {
        SpotOrder order = find(symbol, orderId, clientOrderId)
                .filter(SpotOrder::open)
                .orElseThrow(() -> TradingRefusal.badRequest(-2011, "Unknown order sent."));
        if (order.locked().signum() > 0) {
            balances.unlock(order.lockedAsset(), order.locked());
        }
        SpotOrder canceled = order.ended(SpotOrder.Status.CANCELED, clock.get());
        orders.put(canceled.orderId(), canceled);
        return new Cancellation(canceled, cancelClientOrderId.orElse("sim-cancel-" + nextCancelId++));
    }

    /**
     * A kline has been released: it becomes the symbol's market price (if it is the latest one) and fills every
     * resting order of the symbol it trades through. Returns the orders filled.
     */
    synchronized List<SpotOrder> onKline(String symbol, Kline kline) {
        LastPrice last = lastPrices.get(symbol);
        if (last == null || !kline.closeTime().isBefore(last.closeTime())) {
            lastPrices.put(symbol, new LastPrice(kline.close(), kline.closeTime()));
        }
        List<SpotOrder> filled = new ArrayList<>();
        for (SpotOrder order : List.copyOf(orders.values())) {
            if (!order.open() || !order.symbol().equals(symbol)) {
                continue;
            }
            boolean crossed = order.side() == SpotOrder.Side.BUY
                    ? kline.low().compareTo(order.price()) <= 0
                    : kline.high().compareTo(order.price()) >= 0;
            if (crossed) {
                fill(order, order.price(), true, clock.get());
                filled.add(orders.get(order.orderId()));
            }
        }
        return filled;
    }

    /** By orderId when given, else the latest order with that client order id. */
    synchronized Optional<SpotOrder> find(String symbol, Optional<Long> orderId, Optional<String> clientOrderId) {
        if (orderId.isPresent()) {
            return Optional.ofNullable(orders.get(orderId.get())).filter(order -> order.symbol().equals(symbol));
        }
        String wanted = clientOrderId.orElseThrow(() -> new IllegalArgumentException("an orderId or a clientOrderId is needed"));
        return orders.values().stream()
                .filter(order -> order.symbol().equals(symbol) && order.clientOrderId().equals(wanted))
                .max(Comparator.comparingLong(SpotOrder::orderId));
    }

    synchronized List<SpotOrder> openOrders(Optional<String> symbol) {
        return orders.values().stream()
                .filter(order -> order.open() && symbol.map(order.symbol()::equals).orElse(true))
                .toList();
    }

    /** Every order of a symbol, oldest first. */
    synchronized List<SpotOrder> orders(String symbol) {
        return orders.values().stream().filter(order -> order.symbol().equals(symbol)).toList();
    }

    /** Every trade of a symbol, oldest first. */
    synchronized List<SpotTrade> trades(String symbol) {
        return trades.stream().filter(trade -> trade.symbol().equals(symbol)).toList();
    }

    synchronized List<SpotTrade> tradesOf(long orderId) {
        return trades.stream().filter(trade -> trade.orderId() == orderId).toList();
    }

    synchronized Map<String, Balances.Amounts> balances() {
        return new TreeMap<>(balances.all());
    }

    synchronized Optional<BigDecimal> marketPrice(String symbol) {
        return Optional.ofNullable(lastPrices.get(symbol)).map(LastPrice::price);
    }

    private Instrument tradable(String symbol) {
        Instrument instrument = instruments.apply(symbol)
                .orElseThrow(() -> TradingRefusal.badRequest(-1121, "Invalid symbol."));
        if (!instrument.status().equals("TRADING")) {
            throw TradingRefusal.badRequest(-1013, "Market is closed.");
        }
        if (!config.canTrade()) {
            throw TradingRefusal.badRequest(-2010, "This action is disabled on this account.");
        }
        return instrument;
    }

    /** The base quantity: as sent, or what quoteOrderQty buys at the taker price (rounded down to the step). */
    private BigDecimal quantity(OrderRequest request, Instrument instrument, Optional<BigDecimal> market) {
        if (request.quantity().isPresent()) {
            return request.quantity().get();
        }
        BigDecimal quote = request.quoteOrderQty().orElseThrow();
        return market.map(price -> slipped(price, request.side(), instrument.tickSize()))
                .map(price -> quote.divide(price.multiply(instrument.stepSize()), 0, RoundingMode.DOWN)
                        .multiply(instrument.stepSize()))
                .orElse(BigDecimal.ZERO);
    }

    /** The price the order fills at on arrival, if it fills on arrival. */
    private Optional<BigDecimal> executionPrice(OrderRequest request, Instrument instrument, Optional<BigDecimal> market) {
        if (market.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal taker = slipped(market.get(), request.side(), instrument.tickSize());
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

    /** The market price moved by the slippage against the trader, rounded to the tick against the trader. */
    BigDecimal slipped(BigDecimal market, SpotOrder.Side side, BigDecimal tickSize) {
        if (config.slippage().signum() == 0) {
            return market;
        }
        boolean buy = side == SpotOrder.Side.BUY;
        BigDecimal moved = market.multiply(buy ? BigDecimal.ONE.add(config.slippage()) : BigDecimal.ONE.subtract(config.slippage()));
        BigDecimal ticks = moved.divide(tickSize, 0, buy ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return ticks.multiply(tickSize);
    }

    /** What the order needs of its paying asset: the quote cost of a BUY (plus a quote commission), a SELL's quantity. */
    private BigDecimal cost(SpotOrder.Side side, BigDecimal price, BigDecimal quantity, BigDecimal commissionRate) {
        if (side == SpotOrder.Side.SELL) {
            return quantity;
        }
        BigDecimal quote = quoteAmount(price, quantity);
        return config.commissionAsset() == TradingConfig.CommissionAsset.QUOTE ? quote.add(commission(quote, commissionRate)) : quote;
    }

    private void requireFree(String asset, BigDecimal amount) {
        if (!balances.covers(asset, amount)) {
            throw TradingRefusal.insufficientBalance();
        }
    }

    /** Fills the whole remaining quantity of an order at {@code price}, moving the balances; returns the trade. */
    private SpotTrade fill(SpotOrder order, BigDecimal price, boolean maker, Instant at) {
        Instrument instrument = instruments.apply(order.symbol()).orElseThrow();
        BigDecimal quantity = order.origQty().subtract(order.executedQty());
        BigDecimal quote = quoteAmount(price, quantity);
        BigDecimal rate = maker ? config.makerCommission() : config.takerCommission();
        if (order.locked().signum() > 0) {
            balances.unlock(order.lockedAsset(), order.locked());
        }
        BigDecimal commission;
        String commissionAsset;
        if (order.side() == SpotOrder.Side.BUY) {
            if (config.commissionAsset() == TradingConfig.CommissionAsset.RECEIVED) {
                commission = commission(quantity, rate);
                commissionAsset = instrument.baseAsset();
                balances.debit(instrument.quoteAsset(), quote);
                balances.credit(instrument.baseAsset(), quantity.subtract(commission));
            } else {
                commission = commission(quote, rate);
                commissionAsset = instrument.quoteAsset();
                balances.debit(instrument.quoteAsset(), quote.add(commission));
                balances.credit(instrument.baseAsset(), quantity);
            }
        } else {
            commission = commission(quote, rate);
            commissionAsset = instrument.quoteAsset();
            balances.debit(instrument.baseAsset(), quantity);
            balances.credit(instrument.quoteAsset(), quote.subtract(commission));
        }
        SpotTrade trade = new SpotTrade(nextTradeId++, order.orderId(), order.symbol(), price, quantity, quote,
                commission, commissionAsset, at, order.side() == SpotOrder.Side.BUY, maker);
        trades.add(trade);
        orders.put(order.orderId(), order.filled(quantity, quote, at));
        return trade;
    }

    static BigDecimal quoteAmount(BigDecimal price, BigDecimal quantity) {
        return price.multiply(quantity).setScale(SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal commission(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(SCALE, RoundingMode.HALF_UP);
    }
}
