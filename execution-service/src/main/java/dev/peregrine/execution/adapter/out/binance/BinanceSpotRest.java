package dev.peregrine.execution.adapter.out.binance;

import static dev.peregrine.execution.adapter.out.binance.RequestBudget.Priority.LOOKUP;
import static dev.peregrine.execution.adapter.out.binance.RequestBudget.Priority.ORDER;

import com.binance.connector.client.enums.HttpMethod;
import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Market;
import com.binance.connector.client.impl.spot.Trade;
import com.binance.connector.client.impl.spot.Wallet;
import com.binance.connector.client.utils.RequestHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Binance spot REST, one method per call, each answering a {@link BinanceAnswer} and never throwing. Signed calls are
 * stamped with the {@link VenueClock}'s time ({@link #syncClock()} measures its offset; a -1021 refusal says to sync
 * again) and carry the configured recvWindow. Nothing is ever sent twice: an order whose answer was lost is
 * {@link BinanceAnswer.Unknown}, to be looked up with {@link #queryOrder}.
 */
public final class BinanceSpotRest {

    private static final Logger log = LoggerFactory.getLogger(BinanceSpotRest.class);

    private static final int MAX_ORDERS_PER_PAGE = 1000;
    /** Not in binance-connector-java 3.4.1's {@code Trade}; sent through the connector's own request handler. */
    static final String ORDER_LIST_OCO = "/api/v3/orderList/oco";

    private final Trade trade;
    private final Market market;
    private final Wallet wallet;
    private final RequestHandler requests;
    private final String baseUrl;
    private final VenueClock clock;
    private final long recvWindowMillis;
    private final RequestBudget budget;

    private BinanceSpotRest(
            SpotClientImpl spot,
            RequestHandler requests,
            String baseUrl,
            VenueClock clock,
            Duration recvWindow,
            RequestBudget budget) {
        this.trade = spot.createTrade();
        this.market = spot.createMarket();
        this.wallet = spot.createWallet();
        this.requests = requests;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.recvWindowMillis = recvWindow.toMillis();
        this.budget = budget;
    }

    /**
     * A client for {@code settings.baseUrl()}. Installs the connector's never-re-sending HTTP client with the settings'
     * time-outs (JVM-wide, see {@link ConnectorHttpClient}). The clock's offset is zero until {@link #syncClock()}.
     */
    public static BinanceSpotRest connect(
            BinanceCredentials credentials, BinanceRestSettings settings, Clock localClock) {
        Objects.requireNonNull(credentials, "credentials");
        ConnectorHttpClient.install(settings.connectTimeout(), settings.readTimeout(), settings.keepAlive());
        SpotClientImpl spot = new SpotClientImpl(credentials.apiKey(), credentials.signer(), settings.baseUrl());
        // The connector's own signer and HTTP path (its ResponseHandler sends through the installed client).
        RequestHandler requests = new RequestHandler(credentials.apiKey(), credentials.signer(), null);
        return new BinanceSpotRest(
                spot,
                requests,
                settings.baseUrl(),
                new VenueClock(localClock),
                settings.recvWindow(),
                RequestBudget.defaults(localClock));
    }

    public VenueClock clock() {
        return clock;
    }

    /** Measures the venue clock's offset from {@link #serverTime()}; answers the new offset. */
    public BinanceAnswer<Duration> syncClock() {
        return clock.sync(this::serverTime);
    }

    /** {@code GET /api/v3/time}. */
    public BinanceAnswer<Instant> serverTime() {
        return call("GET /api/v3/time", 1, LOOKUP, market::time, BinanceJson::serverTime);
    }

    /** {@code POST /api/v3/order} with a FULL answer. */
    public BinanceAnswer<PlacedOrder> newOrder(NewOrder order) {
        return call(
                "POST /api/v3/order",
                1,
                ORDER,
                () -> trade.newOrder(signed(order.parameters())),
                BinanceJson::placedOrder);
    }

    /** {@code POST /api/v3/order/test}: every check of a new order but the balance; places nothing. */
    public BinanceAnswer<NewOrder> testNewOrder(NewOrder order) {
        return call(
                "POST /api/v3/order/test",
                1,
                LOOKUP,
                () -> trade.testNewOrder(signed(order.parameters())),
                empty -> order);
    }

    /** {@code GET /api/v3/order} by client order id; {@link BinanceAnswer.NotFound} for -2013. */
    public BinanceAnswer<VenueOrder> queryOrder(String symbol, String clientOrderId) {
        return call(
                "GET /api/v3/order",
                4,
                LOOKUP,
                () -> trade.getOrder(signed(parameters("symbol", symbol, "origClientOrderId", clientOrderId))),
                BinanceJson::order);
    }

    /**
     * {@code DELETE /api/v3/order} by client order id; {@link BinanceAnswer.NotFound} for -2011 (unknown or done). An
     * order of an open order list cancels the whole list (Binance answers with the list; the value is this order's
     * report in it).
     */
    public BinanceAnswer<VenueOrder> cancelOrder(String symbol, String clientOrderId) {
        return call(
                "DELETE /api/v3/order",
                1,
                ORDER,
                () -> trade.cancelOrder(signed(parameters("symbol", symbol, "origClientOrderId", clientOrderId))),
                answer -> BinanceJson.canceledOrder(answer, clientOrderId));
    }

    /**
     * {@code POST /api/v3/orderList/oco} (weight 1), which the connector has no method for: signed by the connector's
     * signature generator and sent through its request handler, so through the installed never-re-sending client;
     * failures mean what they mean for {@link #newOrder}.
     */
    public BinanceAnswer<PlacedOrderList> newOcoSell(OcoSell oco) {
        return call(
                "POST " + ORDER_LIST_OCO,
                1,
                ORDER,
                () -> requests.sendSignedRequest(
                        baseUrl, ORDER_LIST_OCO, signed(oco.parameters()), HttpMethod.POST, false),
                BinanceJson::placedList);
    }

    /** {@code GET /api/v3/exchangeInfo} of one symbol: its tick size and lot step. */
    public BinanceAnswer<SymbolFilters> symbolFilters(String symbol) {
        return call(
                "GET /api/v3/exchangeInfo",
                20,
                LOOKUP,
                () -> market.exchangeInfo(parameters("symbol", symbol)),
                answer -> BinanceJson.symbolFilters(answer, symbol));
    }

    /** {@code GET /api/v3/openOrders} of one symbol. */
    public BinanceAnswer<List<VenueOrder>> openOrders(String symbol) {
        return call(
                "GET /api/v3/openOrders",
                6,
                LOOKUP,
                () -> trade.getOpenOrders(signed(parameters("symbol", symbol))),
                BinanceJson::orders);
    }

    /**
     * {@code GET /api/v3/allOrders} of one symbol from {@code startTime}, oldest first, at most 1000. Binance keeps a
     * window from {@code startTime} to at most 24 hours later: page by moving {@code startTime}.
     */
    public BinanceAnswer<List<VenueOrder>> allOrders(String symbol, Instant startTime) {
        return call(
                "GET /api/v3/allOrders",
                20,
                LOOKUP,
                () -> trade.getOrders(signed(parameters(
                        "symbol", symbol, "startTime", startTime.toEpochMilli(), "limit", MAX_ORDERS_PER_PAGE))),
                BinanceJson::orders);
    }

    /** {@code GET /api/v3/myTrades} of one order. */
    public BinanceAnswer<List<AccountTrade>> myTrades(String symbol, long orderId) {
        return call(
                "GET /api/v3/myTrades",
                20,
                LOOKUP,
                () -> trade.myTrades(signed(parameters("symbol", symbol, "orderId", orderId))),
                BinanceJson::trades);
    }

    /** {@code GET /api/v3/account}. */
    public BinanceAnswer<AccountSnapshot> account() {
        return call(
                "GET /api/v3/account",
                20,
                LOOKUP,
                () -> trade.account(signed(new LinkedHashMap<>())),
                BinanceJson::account);
    }

    /** {@code GET /sapi/v1/account/apiRestrictions}: what the API key may do. */
    public BinanceAnswer<ApiRestrictions> apiRestrictions() {
        return call(
                "GET /sapi/v1/account/apiRestrictions",
                1,
                LOOKUP,
                () -> wallet.apiPermission(signed(new LinkedHashMap<>())),
                BinanceJson::apiRestrictions);
    }

    private Map<String, Object> signed(Map<String, Object> parameters) {
        parameters.put("recvWindow", recvWindowMillis);
        parameters.put("timestamp", clock.timestampMillis());
        return parameters;
    }

    private static Map<String, Object> parameters(Object... pairs) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put((String) pairs[i], Objects.requireNonNull(pairs[i + 1], (String) pairs[i]));
        }
        return parameters;
    }

    /**
     * Sends one request if the {@link RequestBudget} has room for its {@code weight}, else answers RateLimited without
     * sending it. A 429/418 stops every request until its Retry-After has passed; it and answers of unknown outcome are
     * logged, because an operator must see them.
     */
    private <T> BinanceAnswer<T> call(
            String what,
            int weight,
            RequestBudget.Priority priority,
            Supplier<String> request,
            Function<JsonNode, T> parse) {
        Optional<Duration> wait = budget.admit(weight, priority);
        if (wait.isPresent()) {
            log.warn(
                    "Binance {} not sent: the request-weight budget or a Retry-After allows it in {} ms",
                    what,
                    wait.get().toMillis());
            return new BinanceAnswer.RateLimited<>(0, 0, wait);
        }
        BinanceAnswer<T> answer = send(request, parse);
        switch (answer) {
            case BinanceAnswer.RateLimited<T> limited -> {
                budget.backOff(limited.retryAfter());
                log.warn(
                        "Binance {} answered HTTP {} (rate limit): no request until its Retry-After ({})",
                        what,
                        limited.httpStatus(),
                        limited.retryAfter().map(Duration::toString).orElse("none: 1 min"));
            }
            case BinanceAnswer.Unknown<T> unknown -> log.warn("Binance {}: outcome unknown: {}", what, unknown.why());
            case BinanceAnswer.Refused<T> refused
            when refused.clockSkew() -> {
                // -1021: the venue clock drifted; measure it again so the next signed call is inside recvWindow.
                log.warn("Binance {} refused the timestamp (-1021): measuring the clock offset again", what);
                syncClock();
            }
            default -> {}
        }
        return answer;
    }

    private static <T> BinanceAnswer<T> send(Supplier<String> request, Function<JsonNode, T> parse) {
        RetryAfterCapture.clear();
        String body;
        try {
            body = request.get();
        } catch (RuntimeException failure) {
            return FailureMapping.of(failure, RetryAfterCapture.last());
        }
        try {
            return new BinanceAnswer.Ok<>(parse.apply(BinanceJson.tree(body)));
        } catch (RuntimeException unreadable) {
            return new BinanceAnswer.Unknown<>("unreadable answer (" + unreadable.getMessage() + "): " + body);
        }
    }
}
