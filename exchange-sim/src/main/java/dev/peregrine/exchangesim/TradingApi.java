package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binance's signed spot trading endpoints in front of the {@link MatchingEngine}: {@code order} (POST, GET,
 * DELETE), {@code order/test}, {@code openOrders}, {@code allOrders}, {@code myTrades} and {@code account}, with
 * Binance's parameter checks, error codes and request weights, and the faults injected after an order was accepted.
 */
final class TradingApi {

    static final String ORDER = "/api/v3/order";
    static final String ORDER_TEST = "/api/v3/order/test";
    static final String OPEN_ORDERS = "/api/v3/openOrders";
    static final String ALL_ORDERS = "/api/v3/allOrders";
    static final String MY_TRADES = "/api/v3/myTrades";
    static final String ACCOUNT = "/api/v3/account";
    private static final Set<String> PATHS = Set.of(
            ORDER,
            ORDER_TEST,
            OPEN_ORDERS,
            ALL_ORDERS,
            MY_TRADES,
            ACCOUNT,
            OrderListApi.OCO,
            OrderListApi.ORDER_LIST,
            OrderListApi.OPEN_ORDER_LIST);
    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 1000;
    private static final Pattern DECIMAL = Pattern.compile("^([0-9]{1,20})(\\.[0-9]{1,20})?$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,19}$");
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("^[a-zA-Z0-9-_]{1,36}$");
    private static final Set<String> UNSIMULATED_TYPES =
            Set.of("LIMIT_MAKER", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT");

    private final ExchangeSimulator simulator;
    private final MatchingEngine engine;
    private final SignedRequests signed;
    private final OrderListApi orderLists;

    TradingApi(ExchangeSimulator simulator) {
        this.simulator = simulator;
        this.engine = simulator.engine();
        this.signed = new SignedRequests(simulator.config().trading());
        this.orderLists = new OrderListApi(engine, this);
    }

    static boolean serves(String path) {
        return PATHS.contains(path);
    }

    /** Binance's spot request weights of these endpoints. */
    static int weight(String method, String path, Map<String, List<String>> parameters) {
        return switch (path) {
            case ORDER, OrderListApi.ORDER_LIST -> method.equals("GET") ? 4 : 1;
            case OPEN_ORDERS -> parameters.containsKey("symbol") ? 6 : 80;
            case OrderListApi.OPEN_ORDER_LIST -> 6;
            case ALL_ORDERS, MY_TRADES, ACCOUNT -> 20;
            default -> 1;
        };
    }

    RestServer.Response handle(
            String method,
            String path,
            Map<String, List<String>> parameters,
            Optional<String> apiKey,
            String rawQuery,
            String rawBody) {
        try {
            String expected = switch (path) {
                case ORDER -> method.equals("POST") || method.equals("DELETE") ? method : "GET";
                case OrderListApi.ORDER_LIST -> method.equals("DELETE") ? method : "GET";
                case ORDER_TEST, OrderListApi.OCO -> "POST";
                default -> "GET";
            };
            if (!method.equals(expected)) {
                return new RestServer.Response(
                        405, BinanceApi.error(-1000, method + " is not supported on " + path + "."), 0);
            }
            signed.verifyRequest(apiKey, rawQuery, rawBody, parameters, simulator.serverTime());
            if (!method.equals("GET")
                    && !simulator.apiRestrictions().flag(ApiRestrictions.ENABLE_SPOT_AND_MARGIN_TRADING)) {
                throw new TradingRefusal(401, -2015, "Invalid API-key, IP, or permissions for action.");
            }
            if (OrderListApi.serves(path)) {
                return orderLists.handle(method, path, parameters);
            }
            return switch (path + " " + method) {
                case ORDER + " POST" -> newOrder(parameters);
                case ORDER_TEST + " POST" -> {
                    engine.test(orderRequest(parameters));
                    yield RestServer.Response.ok("{}");
                }
                case ORDER + " DELETE" -> cancelOrder(parameters);
                case ORDER + " GET" ->
                    RestServer.Response.ok(TradingJson.order(engine.find(
                                    symbol(parameters),
                                    requireOrderReference(parameters),
                                    optional(parameters, "origClientOrderId"))
                            .orElseThrow(() -> TradingRefusal.badRequest(-2013, "Order does not exist."))));
                case OPEN_ORDERS + " GET" ->
                    RestServer.Response.ok(TradingJson.orders(
                            engine.openOrders(optional(parameters, "symbol").map(this::knownSymbol))));
                case ALL_ORDERS + " GET" -> RestServer.Response.ok(TradingJson.orders(allOrders(parameters)));
                case MY_TRADES + " GET" -> RestServer.Response.ok(TradingJson.trades(myTrades(parameters)));
                default ->
                    RestServer.Response.ok(TradingJson.account(
                            engine.config(),
                            engine.balances(),
                            optional(parameters, "omitZeroBalances")
                                    .map(Boolean::parseBoolean)
                                    .orElse(false),
                            simulator.serverTime().toEpochMilli()));
            };
        } catch (TradingRefusal refusal) {
            return new RestServer.Response(
                    refusal.httpStatus(), BinanceApi.error(refusal.code(), refusal.getMessage()), 0);
        }
    }

    private RestServer.Response newOrder(Map<String, List<String>> parameters) {
        OrderRequest request = orderRequest(parameters);
        TradingJson.ResponseType responseType = optional(parameters, "newOrderRespType")
                .map(TradingApi::responseType)
                .orElse(TradingJson.ResponseType.FULL);
        MatchingEngine.Placement placement = engine.place(request);
        Optional<SimulatorFaults.OrderFault> fault = simulator.faults().takeOrderFault();
        if (fault.isEmpty()) {
            return RestServer.Response.ok(TradingJson.newOrder(placement, responseType));
        }
        return switch (fault.get().kind()) {
            case DROP_CONNECTION ->
                RestServer.Response.dropConnection(fault.get().hold());
            case SERVER_ERROR ->
                new RestServer.Response(
                                fault.get().status(),
                                BinanceApi.error(-1000, "An unknown error occurred while processing the request."),
                                0)
                        .injected();
            case BACKEND_TIMEOUT ->
                new RestServer.Response(
                                fault.get().status(),
                                BinanceApi.error(
                                        -1007,
                                        "Timeout waiting for response from backend server. Send status unknown; execution status unknown."),
                                0)
                        .injected();
        };
    }

    /** One order, or the whole open order list it belongs to (then answered as the list's cancel). */
    private RestServer.Response cancelOrder(Map<String, List<String>> parameters) {
        String symbol = symbol(parameters);
        Optional<Long> orderId = requireOrderReference(parameters);
        Optional<String> clientOrderId = optional(parameters, "origClientOrderId");
        Optional<String> cancelId = optional(parameters, "newClientOrderId");
        Optional<OcoOrders.ListCancellation> list = engine.cancelListOf(symbol, orderId, clientOrderId, cancelId);
        if (list.isPresent()) {
            return RestServer.Response.ok(OrderListApi.canceled(list.get()));
        }
        return RestServer.Response.ok(TradingJson.canceled(engine.cancel(symbol, orderId, clientOrderId, cancelId)));
    }

    private OrderRequest orderRequest(Map<String, List<String>> parameters) {
        String symbol = symbol(parameters);
        SpotOrder.Side side = switch (mandatory(parameters, "side")) {
            case "BUY" -> SpotOrder.Side.BUY;
            case "SELL" -> SpotOrder.Side.SELL;
            default -> throw TradingRefusal.badRequest(-1117, "Invalid side.");
        };
        String typeName = mandatory(parameters, "type");
        if (UNSIMULATED_TYPES.contains(typeName)) {
            throw TradingRefusal.badRequest(-1000, "The exchange simulator does not simulate " + typeName + " orders.");
        }
        SpotOrder.Type type = switch (typeName) {
            case "MARKET" -> SpotOrder.Type.MARKET;
            case "LIMIT" -> SpotOrder.Type.LIMIT;
            default -> throw TradingRefusal.badRequest(-1116, "Invalid orderType.");
        };
        Optional<BigDecimal> quantity = decimal(parameters, "quantity");
        Optional<BigDecimal> quoteOrderQty = decimal(parameters, "quoteOrderQty");
        Optional<BigDecimal> price = decimal(parameters, "price");
        Optional<String> timeInForceName = optional(parameters, "timeInForce");
        SpotOrder.TimeInForce timeInForce = SpotOrder.TimeInForce.GTC;
        if (type == SpotOrder.Type.LIMIT) {
            timeInForce = switch (timeInForceName.orElseThrow(() -> TradingRefusal.mandatory("timeInForce"))) {
                case "GTC" -> SpotOrder.TimeInForce.GTC;
                case "IOC" -> SpotOrder.TimeInForce.IOC;
                case "FOK" -> SpotOrder.TimeInForce.FOK;
                default -> throw TradingRefusal.badRequest(-1115, "Invalid timeInForce.");
            };
            quantity.orElseThrow(() -> TradingRefusal.mandatory("quantity"));
            price.orElseThrow(() -> TradingRefusal.mandatory("price"));
            if (quoteOrderQty.isPresent()) {
                throw notRequired("quoteOrderQty");
            }
        } else {
            if (price.isPresent()) {
                throw notRequired("price");
            }
            if (timeInForceName.isPresent()) {
                throw notRequired("timeInForce");
            }
            if (quantity.isEmpty() && quoteOrderQty.isEmpty()) {
                throw TradingRefusal.badRequest(
                        -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
            }
            if (quantity.isPresent() && quoteOrderQty.isPresent()) {
                throw TradingRefusal.badRequest(-1128, "Combination of optional parameters invalid.");
            }
        }
        Optional<String> clientOrderId = optional(parameters, "newClientOrderId");
        clientOrderId.ifPresent(id -> checkClientOrderId("newClientOrderId", id));
        return new OrderRequest(symbol, side, type, timeInForce, quantity, quoteOrderQty, price, clientOrderId);
    }

    private List<SpotOrder> allOrders(Map<String, List<String>> parameters) {
        String symbol = symbol(parameters);
        Optional<Long> fromOrderId = orderId(parameters);
        Optional<Long> startTime = number(parameters, "startTime");
        Optional<Long> endTime = number(parameters, "endTime");
        List<SpotOrder> selected = engine.orders(symbol).stream()
                .filter(order -> fromOrderId.map(id -> order.orderId() >= id).orElse(true))
                .filter(order -> within(order.time(), startTime, endTime))
                .toList();
        return limited(selected, limit(parameters), fromOrderId.isPresent() || startTime.isPresent());
    }

    private List<SpotTrade> myTrades(Map<String, List<String>> parameters) {
        String symbol = symbol(parameters);
        Optional<Long> ofOrder = orderId(parameters);
        Optional<Long> fromId = number(parameters, "fromId");
        Optional<Long> startTime = number(parameters, "startTime");
        Optional<Long> endTime = number(parameters, "endTime");
        if (fromId.isPresent() && (startTime.isPresent() || endTime.isPresent())) {
            throw TradingRefusal.badRequest(-1128, "Combination of optional parameters invalid.");
        }
        List<SpotTrade> selected = engine.trades(symbol).stream()
                .filter(trade -> ofOrder.map(id -> trade.orderId() == id).orElse(true))
                .filter(trade -> fromId.map(id -> trade.id() >= id).orElse(true))
                .filter(trade -> within(trade.time(), startTime, endTime))
                .toList();
        return limited(selected, limit(parameters), fromId.isPresent() || startTime.isPresent());
    }

    /** The first {@code limit} when reading forward from a start, otherwise the most recent {@code limit}. */
    private static <T> List<T> limited(List<T> list, int limit, boolean fromStart) {
        if (list.size() <= limit) {
            return list;
        }
        return fromStart ? list.subList(0, limit) : list.subList(list.size() - limit, list.size());
    }

    private static boolean within(Instant time, Optional<Long> startTime, Optional<Long> endTime) {
        long millis = time.toEpochMilli();
        return startTime.map(start -> millis >= start).orElse(true)
                && endTime.map(end -> millis <= end).orElse(true);
    }

    private static int limit(Map<String, List<String>> parameters) {
        Optional<Long> limit = number(parameters, "limit");
        if (limit.isPresent() && limit.get() < 1) {
            throw TradingRefusal.badRequest(-1130, "Data sent for parameter 'limit' is not valid.");
        }
        return (int) Math.min(limit.orElse((long) DEFAULT_LIMIT), MAX_LIMIT);
    }

    String symbol(Map<String, List<String>> parameters) {
        return knownSymbol(mandatory(parameters, "symbol"));
    }

    String knownSymbol(String symbol) {
        if (!SeriesKey.SYMBOL.matcher(symbol).matches()) {
            throw TradingRefusal.badRequest(
                    -1100,
                    "Illegal characters found in parameter 'symbol'; legal range is '" + SeriesKey.SYMBOL.pattern()
                            + "'.");
        }
        if (simulator.config().instrument(symbol).isEmpty()) {
            throw TradingRefusal.badRequest(-1121, "Invalid symbol.");
        }
        return symbol;
    }

    private static Optional<Long> orderId(Map<String, List<String>> parameters) {
        return number(parameters, "orderId");
    }

    /** The orderId, if sent; refuses a request that names neither an orderId nor an origClientOrderId. */
    private static Optional<Long> requireOrderReference(Map<String, List<String>> parameters) {
        Optional<Long> orderId = orderId(parameters);
        Optional<String> clientOrderId = optional(parameters, "origClientOrderId");
        if (orderId.isEmpty() && clientOrderId.isEmpty()) {
            throw TradingRefusal.badRequest(
                    -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        clientOrderId.ifPresent(id -> checkClientOrderId("origClientOrderId", id));
        return orderId;
    }

    static TradingRefusal notRequired(String name) {
        return TradingRefusal.badRequest(-1106, "Parameter '" + name + "' sent when not required.");
    }

    static void checkClientOrderId(String name, String id) {
        if (!CLIENT_ORDER_ID.matcher(id).matches()) {
            throw TradingRefusal.badRequest(
                    -1100,
                    "Illegal characters found in parameter '" + name + "'; legal range is '" + CLIENT_ORDER_ID.pattern()
                            + "'.");
        }
    }

    static TradingJson.ResponseType responseType(String value) {
        try {
            return TradingJson.ResponseType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw TradingRefusal.badRequest(
                    -1100,
                    "Illegal characters found in parameter 'newOrderRespType'; "
                            + "legal range is 'ACK, RESULT, FULL'.");
        }
    }

    static String mandatory(Map<String, List<String>> parameters, String name) {
        return optional(parameters, name).orElseThrow(() -> TradingRefusal.mandatory(name));
    }

    static Optional<String> optional(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.getFirst().isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    static Optional<BigDecimal> decimal(Map<String, List<String>> parameters, String name) {
        Optional<String> value = optional(parameters, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!DECIMAL.matcher(value.get()).matches()) {
            throw TradingRefusal.badRequest(
                    -1100,
                    "Illegal characters found in parameter '" + name + "'; legal range is '" + DECIMAL.pattern()
                            + "'.");
        }
        BigDecimal decimal = new BigDecimal(value.get());
        if (decimal.stripTrailingZeros().scale() > MatchingEngine.SCALE) {
            throw TradingRefusal.badRequest(-1111, "Parameter '" + name + "' has too much precision.");
        }
        return Optional.of(decimal);
    }

    static Optional<Long> number(Map<String, List<String>> parameters, String name) {
        Optional<String> value = optional(parameters, name);
        if (value.isPresent() && !DIGITS.matcher(value.get()).matches()) {
            throw TradingRefusal.badRequest(
                    -1100,
                    "Illegal characters found in parameter '" + name + "'; legal range is '" + DIGITS.pattern() + "'.");
        }
        return value.map(Long::parseLong);
    }
}
