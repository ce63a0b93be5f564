package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Binance spot endpoints the simulator serves, with Binance's parameter checks and error codes
 * (errors.md): ping, time, exchangeInfo and klines.
 */
final class BinanceApi {

    static final int DEFAULT_KLINE_LIMIT = 500;
    static final int MAX_KLINE_LIMIT = 1000;
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,20}$");
    private static final Pattern SYMBOLS_ARRAY =
            Pattern.compile("^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\")*)?]$");

    /** A request Binance refuses with 400 and an error code. */
    private static final class Refused extends RuntimeException {
        final int code;

        Refused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private final ExchangeSimulator simulator;
    private final SimulatorConfig config;

    BinanceApi(ExchangeSimulator simulator) {
        this.simulator = simulator;
        this.config = simulator.config();
    }

    int weight(String method, String path, Map<String, List<String>> parameters) {
        RequestWeights weights = config.weights();
        return switch (path) {
            case "/api/v3/ping" -> weights.ping();
            case "/api/v3/time" -> weights.time();
            case "/api/v3/exchangeInfo" -> weights.exchangeInfo();
            case "/api/v3/klines" -> {
                int limit = DEFAULT_KLINE_LIMIT;
                List<String> values = parameters.get("limit");
                if (values != null
                        && values.size() == 1
                        && DIGITS.matcher(values.getFirst()).matches()) {
                    limit = (int) Math.min(Long.parseLong(values.getFirst()), Integer.MAX_VALUE);
                }
                yield weights.klinesByLimit().applyAsInt(Math.min(limit, MAX_KLINE_LIMIT));
            }
            default -> 1;
        };
    }

    RestServer.Response handle(String method, String path, Map<String, List<String>> parameters) {
        try {
            if (!method.equals("GET")) {
                return new RestServer.Response(
                        405, error(-1000, "Only GET is supported by the exchange simulator."), 0);
            }
            if (parameters.containsKey(RestServer.MALFORMED_QUERY)) {
                throw new Refused(-1100, "Illegal characters found in a parameter.");
            }
            rejectDuplicates(parameters);
            return switch (path) {
                case "/api/v3/ping" -> RestServer.Response.ok("{}");
                case "/api/v3/time" ->
                    RestServer.Response.ok(
                            "{\"serverTime\":" + simulator.serverTime().toEpochMilli() + "}");
                case "/api/v3/exchangeInfo" -> RestServer.Response.ok(exchangeInfo(parameters));
                case "/api/v3/klines" -> RestServer.Response.ok(klines(parameters));
                default -> new RestServer.Response(404, error(-1000, "Unknown endpoint " + path + "."), 0);
            };
        } catch (Refused refused) {
            return new RestServer.Response(400, error(refused.code, refused.getMessage()), 0);
        }
    }

    private String klines(Map<String, List<String>> parameters) {
        String symbol = mandatory(parameters, "symbol");
        String intervalCode = mandatory(parameters, "interval");
        checkSymbolSyntax("symbol", symbol);
        KlineInterval interval =
                KlineInterval.fromCode(intervalCode).orElseThrow(() -> new Refused(-1120, "Invalid interval."));
        if (config.instrument(symbol).isEmpty()) {
            throw new Refused(-1121, "Invalid symbol.");
        }
        Long startTime = optionalNumber(parameters, "startTime");
        Long endTime = optionalNumber(parameters, "endTime");
        Long limitParameter = optionalNumber(parameters, "limit");
        optional(parameters, "timeZone").ifPresent(zone -> {
            if (!zone.equals("0") && !zone.equals("+0") && !zone.equals("00:00") && !zone.equals("+00:00")) {
                // Recorded klines are UTC klines; re-cutting them for another time zone is not simulated.
                throw new Refused(-1130, "Data sent for parameter 'timeZone' is not valid.");
            }
        });
        if (startTime != null && endTime != null && startTime > endTime) {
            throw new Refused(-1023, "Start time is greater than end time.");
        }
        if (limitParameter != null && limitParameter < 1) {
            throw new Refused(-1130, "Data sent for parameter 'limit' is not valid.");
        }
        int limit = limitParameter == null ? DEFAULT_KLINE_LIMIT : (int) Math.min(limitParameter, MAX_KLINE_LIMIT);
        List<Kline> selected =
                select(simulator.market().released(new SeriesKey(symbol, interval)), startTime, endTime, limit);
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (Kline kline : selected) {
            ArrayNode row = rows.addArray();
            row.add(kline.openTime().toEpochMilli());
            row.add(Json.decimal(kline.open()));
            row.add(Json.decimal(kline.high()));
            row.add(Json.decimal(kline.low()));
            row.add(Json.decimal(kline.close()));
            row.add(Json.decimal(kline.volume()));
            row.add(kline.closeTime().toEpochMilli());
            row.add(Json.decimal(kline.quoteVolume()));
            row.add(kline.trades());
            row.add(Json.decimal(kline.takerBuyBaseVolume()));
            row.add(Json.decimal(kline.takerBuyQuoteVolume()));
            row.add("0");
        }
        return Json.MAPPER.writeValueAsString(rows);
    }

    /**
     * Binance's selection: klines whose open time lies in [startTime, endTime] (both inclusive, either optional),
     * oldest first; with a startTime the first {@code limit} of them, otherwise the most recent {@code limit}.
     */
    static List<Kline> select(List<Kline> released, Long startTime, Long endTime, int limit) {
        int from = startTime == null ? 0 : firstOpenAtOrAfter(released, startTime);
        int to = endTime == null || endTime == Long.MAX_VALUE
                ? released.size()
                : firstOpenAtOrAfter(released, endTime + 1);
        if (from >= to) {
            return List.of();
        }
        if (startTime != null) {
            return released.subList(from, Math.min(to, from + limit));
        }
        return released.subList(Math.max(from, to - limit), to);
    }

    private static int firstOpenAtOrAfter(List<Kline> klines, long epochMillis) {
        int low = 0;
        int high = klines.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (klines.get(middle).openTime().toEpochMilli() < epochMillis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private String exchangeInfo(Map<String, List<String>> parameters) {
        Optional<String> symbol = optional(parameters, "symbol");
        Optional<String> symbols = optional(parameters, "symbols");
        if (symbol.isPresent() && symbols.isPresent()) {
            throw new Refused(-1128, "Combination of optional parameters invalid.");
        }
        List<Instrument> selected;
        if (symbol.isPresent()) {
            checkSymbolSyntax("symbol", symbol.get());
            selected =
                    List.of(config.instrument(symbol.get()).orElseThrow(() -> new Refused(-1121, "Invalid symbol.")));
        } else if (symbols.isPresent()) {
            selected = new ArrayList<>();
            for (String name : symbolList(symbols.get())) {
                selected.add(config.instrument(name).orElseThrow(() -> new Refused(-1121, "Invalid symbol.")));
            }
        } else {
            selected = config.instruments();
        }
        ObjectNode info = Json.MAPPER.createObjectNode();
        info.put("timezone", "UTC");
        info.put("serverTime", simulator.serverTime().toEpochMilli());
        ArrayNode rateLimits = info.putArray("rateLimits");
        rateLimit(rateLimits, "REQUEST_WEIGHT", "MINUTE", 1, config.weightLimitPerMinute());
        rateLimit(rateLimits, "ORDERS", "SECOND", 10, 100);
        rateLimit(rateLimits, "ORDERS", "DAY", 1, 200000);
        rateLimit(rateLimits, "RAW_REQUESTS", "MINUTE", 5, 61000);
        info.putArray("exchangeFilters");
        ArrayNode list = info.putArray("symbols");
        selected.forEach(instrument -> symbolInfo(list.addObject(), instrument));
        return Json.MAPPER.writeValueAsString(info);
    }

    private static List<String> symbolList(String json) {
        if (!SYMBOLS_ARRAY.matcher(json).matches()) {
            throw new Refused(
                    -1100,
                    "Illegal characters found in parameter 'symbols'; legal range is '" + SYMBOLS_ARRAY.pattern()
                            + "'.");
        }
        try {
            List<String> names = new ArrayList<>();
            for (JsonNode node : Json.MAPPER.readTree(json)) {
                names.add(node.stringValue());
            }
            return names;
        } catch (JacksonException e) {
            throw new Refused(-1100, "Illegal characters found in parameter 'symbols'.");
        }
    }

    private static void rateLimit(ArrayNode rateLimits, String type, String interval, int intervalNum, int limit) {
        ObjectNode node = rateLimits.addObject();
        node.put("rateLimitType", type);
        node.put("interval", interval);
        node.put("intervalNum", intervalNum);
        node.put("limit", limit);
    }

    private static void symbolInfo(ObjectNode node, Instrument instrument) {
        node.put("symbol", instrument.symbol());
        node.put("status", instrument.status());
        node.put("baseAsset", instrument.baseAsset());
        node.put("baseAssetPrecision", 8);
        node.put("quoteAsset", instrument.quoteAsset());
        node.put("quotePrecision", 8);
        node.put("quoteAssetPrecision", 8);
        node.put("baseCommissionPrecision", 8);
        node.put("quoteCommissionPrecision", 8);
        ArrayNode orderTypes = node.putArray("orderTypes");
        List.of("LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT")
                .forEach(orderTypes::add);
        node.put("icebergAllowed", true);
        node.put("ocoAllowed", true);
        node.put("otoAllowed", true);
        node.put("quoteOrderQtyMarketAllowed", true);
        node.put("allowTrailingStop", true);
        node.put("cancelReplaceAllowed", true);
        node.put("isSpotTradingAllowed", true);
        node.put("isMarginTradingAllowed", false);
        ArrayNode filters = node.putArray("filters");
        ObjectNode price = filters.addObject();
        price.put("filterType", "PRICE_FILTER");
        price.put("minPrice", Json.decimal(instrument.minPrice()));
        price.put("maxPrice", Json.decimal(instrument.maxPrice()));
        price.put("tickSize", Json.decimal(instrument.tickSize()));
        ObjectNode lot = filters.addObject();
        lot.put("filterType", "LOT_SIZE");
        lot.put("minQty", Json.decimal(instrument.minQty()));
        lot.put("maxQty", Json.decimal(instrument.maxQty()));
        lot.put("stepSize", Json.decimal(instrument.stepSize()));
        ObjectNode notional = filters.addObject();
        if (instrument.notionalFilter() == Instrument.NotionalFilter.NOTIONAL) {
            notional.put("filterType", "NOTIONAL");
            notional.put("minNotional", Json.decimal(instrument.minNotional()));
            notional.put("applyMinToMarket", true);
            notional.put("maxNotional", Json.decimal(instrument.maxNotional()));
            notional.put("applyMaxToMarket", false);
            notional.put("avgPriceMins", 5);
        } else {
            notional.put("filterType", "MIN_NOTIONAL");
            notional.put("minNotional", Json.decimal(instrument.minNotional()));
            notional.put("applyToMarket", true);
            notional.put("avgPriceMins", 5);
        }
        ObjectNode marketLot = filters.addObject();
        marketLot.put("filterType", "MARKET_LOT_SIZE");
        marketLot.put("minQty", Json.decimal(BigDecimal.ZERO));
        marketLot.put("maxQty", Json.decimal(instrument.marketMaxQty()));
        marketLot.put("stepSize", Json.decimal(BigDecimal.ZERO));
        node.putArray("permissions");
        node.putArray("permissionSets").addArray().add("SPOT");
        node.put("defaultSelfTradePreventionMode", "EXPIRE_MAKER");
        ArrayNode stp = node.putArray("allowedSelfTradePreventionModes");
        List.of("EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH").forEach(stp::add);
    }

    static RestServer.Response faultResponse(SimulatorFaults.RestFault fault, Instant at, int weightLimit) {
        return switch (fault.status()) {
            case 429 -> new RestServer.Response(429, tooMuchWeight(weightLimit), fault.retryAfterSeconds());
            case 418 ->
                new RestServer.Response(
                        418, banned(at.plusSeconds(fault.retryAfterSeconds())), fault.retryAfterSeconds());
            case 503 ->
                new RestServer.Response(
                        503,
                        error(
                                -1008,
                                "Server is currently overloaded with other requests. Please try again in a few minutes."),
                        0);
            case 504 ->
                new RestServer.Response(
                        504,
                        error(
                                -1007,
                                "Timeout waiting for response from backend server. Send status unknown; execution status unknown."),
                        0);
            default ->
                new RestServer.Response(
                        fault.status(), error(-1000, "An unknown error occurred while processing the request."), 0);
        };
    }

    static RestServer.Response limitResponse(RateLimiter.Decision decision, int weightLimit) {
        return decision.status() == 418
                ? new RestServer.Response(418, banned(decision.bannedUntil()), decision.retryAfterSeconds())
                : new RestServer.Response(429, tooMuchWeight(weightLimit), decision.retryAfterSeconds());
    }

    private static String tooMuchWeight(int weightLimit) {
        return error(
                -1003,
                "Too much request weight used; current limit is " + weightLimit
                        + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.");
    }

    private static String banned(Instant until) {
        return error(
                -1003,
                "Way too much request weight used; IP banned until " + until.toEpochMilli()
                        + ". Please use WebSocket Streams for live updates to avoid bans.");
    }

    static String error(int code, String message) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("code", code);
        node.put("msg", message);
        return Json.MAPPER.writeValueAsString(node);
    }

    private static void rejectDuplicates(Map<String, List<String>> parameters) {
        if (parameters.values().stream().anyMatch(values -> values.size() > 1)) {
            throw new Refused(-1101, "Duplicate values for a parameter detected.");
        }
    }

    private static String mandatory(Map<String, List<String>> parameters, String name) {
        return optional(parameters, name)
                .orElseThrow(() -> new Refused(
                        -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed."));
    }

    private static Optional<String> optional(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.getFirst().isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static Long optionalNumber(Map<String, List<String>> parameters, String name) {
        Optional<String> value = optional(parameters, name);
        if (value.isEmpty()) {
            return null;
        }
        if (!DIGITS.matcher(value.get()).matches()) {
            throw new Refused(
                    -1100,
                    "Illegal characters found in parameter '" + name + "'; legal range is '" + DIGITS.pattern() + "'.");
        }
        try {
            return Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw new Refused(
                    -1100,
                    "Illegal characters found in parameter '" + name + "'; legal range is '" + DIGITS.pattern() + "'.");
        }
    }

    private static void checkSymbolSyntax(String name, String symbol) {
        if (!SeriesKey.SYMBOL.matcher(symbol).matches()) {
            throw new Refused(
                    -1100,
                    "Illegal characters found in parameter '" + name + "'; legal range is '"
                            + SeriesKey.SYMBOL.pattern() + "'.");
        }
    }
}
