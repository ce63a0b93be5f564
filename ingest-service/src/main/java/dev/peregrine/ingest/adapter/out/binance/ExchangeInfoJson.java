package dev.peregrine.ingest.adapter.out.binance;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.instrument.Instrument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Binance's {@code GET /api/v3/exchangeInfo} answer, the same for the live REST answer and for a snapshot file
 * of it. Per symbol it takes the status, the assets and the filters trading needs:
 *
 * <ul>
 *   <li>{@code PRICE_FILTER tickSize} and {@code LOT_SIZE stepSize}, {@code minQty}: required, else the symbol is
 *       unreadable;</li>
 *   <li>{@code LOT_SIZE maxQty}, {@code MARKET_LOT_SIZE maxQty}, {@code NOTIONAL maxNotional}: optional upper limits
 *       (0 or absent = none; a MARKET_LOT_SIZE's {@code stepSize} 0 only means MARKET orders use LOT_SIZE's step);</li>
 *   <li>{@code NOTIONAL minNotional}, else the older {@code MIN_NOTIONAL minNotional}, else 0.</li>
 * </ul>
 *
 * Other filter types ({@code ICEBERG_PARTS}, {@code TRAILING_DELTA}, {@code PERCENT_PRICE_BY_SIDE}, ...) and unknown
 * fields are ignored. Decimals are read from their text, exactly.
 */
final class ExchangeInfoJson {

    private static final Logger log = LoggerFactory.getLogger(ExchangeInfoJson.class);
    /** Decimals written as JSON numbers are read exactly, not through a double. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /**
     * @param serverTime  the answer's {@code serverTime}, when it has one
     * @param instruments the symbols that could be read, in the answer's order
     * @param listed      every symbol the answer names, readable or not
     * @param unreadable  per symbol that could not be read, why
     */
    record Parsed(
            Optional<Instant> serverTime, List<Instrument> instruments, List<Symbol> listed, List<String> unreadable) {

        Parsed {
            Objects.requireNonNull(serverTime, "serverTime");
            instruments = List.copyOf(instruments);
            listed = List.copyOf(listed);
            unreadable = List.copyOf(unreadable);
        }
    }

    private ExchangeInfoJson() {}

    /**
     * @throws IllegalArgumentException when the text is not JSON or not an exchangeInfo answer (no {@code symbols}
     *                                  array); a symbol that cannot be read is only left out and named in
     *                                  {@link Parsed#unreadable()}
     */
    static Parsed parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not an exchangeInfo answer: expected a JSON object");
        }
        JsonNode symbols = root.get("symbols");
        if (symbols == null || !symbols.isArray()) {
            throw new IllegalArgumentException("not an exchangeInfo answer: no \"symbols\" array");
        }
        JsonNode serverTimeNode = root.get("serverTime");
        Optional<Instant> serverTime = serverTimeNode != null && serverTimeNode.isIntegralNumber()
                ? Optional.of(Instant.ofEpochMilli(serverTimeNode.asLong()))
                : Optional.empty();
        List<Instrument> instruments = new ArrayList<>();
        List<Symbol> listed = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (JsonNode node : symbols) {
            try {
                Instrument instrument = instrument(node);
                listed.add(instrument.symbol());
                instruments.add(instrument);
            } catch (RuntimeException e) {
                String name = node.path("symbol").asString("");
                log.error(
                        "exchangeInfo describes '{}' in a way that cannot be read, so its rules are not updated: {}",
                        name,
                        e.getMessage());
                unreadable.add((name.isBlank() ? "(a symbol without a name)" : name) + ": " + e.getMessage());
                try {
                    if (!name.isBlank()) {
                        listed.add(Symbol.parseLenient(name));
                    }
                } catch (IllegalArgumentException notASymbol) {
                    log.debug("'{}' is not a symbol", name, notASymbol);
                }
            }
        }
        return new Parsed(serverTime, instruments, listed, unreadable);
    }

    private static Instrument instrument(JsonNode node) {
        BigDecimal tickSize = null;
        BigDecimal stepSize = null;
        BigDecimal minQuantity = null;
        BigDecimal maxQuantity = null;
        BigDecimal marketMaxQuantity = null;
        BigDecimal notionalMin = null;
        BigDecimal notionalMax = null;
        BigDecimal olderMinNotional = null;
        for (JsonNode filter : node.path("filters")) {
            switch (filter.path("filterType").asString("")) {
                case "PRICE_FILTER" -> tickSize = decimal(filter, "PRICE_FILTER", "tickSize");
                case "LOT_SIZE" -> {
                    stepSize = decimal(filter, "LOT_SIZE", "stepSize");
                    minQuantity = decimal(filter, "LOT_SIZE", "minQty");
                    maxQuantity = optionalDecimal(filter, "LOT_SIZE", "maxQty");
                }
                case "MARKET_LOT_SIZE" -> marketMaxQuantity = optionalDecimal(filter, "MARKET_LOT_SIZE", "maxQty");
                case "NOTIONAL" -> {
                    notionalMin = decimal(filter, "NOTIONAL", "minNotional");
                    notionalMax = optionalDecimal(filter, "NOTIONAL", "maxNotional");
                }
                case "MIN_NOTIONAL" -> olderMinNotional = decimal(filter, "MIN_NOTIONAL", "minNotional");
                default -> {}
            }
        }
        if (tickSize == null) {
            throw new IllegalArgumentException("no PRICE_FILTER filter");
        }
        if (stepSize == null) {
            throw new IllegalArgumentException("no LOT_SIZE filter");
        }
        BigDecimal minNotional =
                notionalMin != null ? notionalMin : olderMinNotional != null ? olderMinNotional : BigDecimal.ZERO;
        return new Instrument(
                Symbol.of(text(node, "symbol")),
                text(node, "status"),
                text(node, "baseAsset"),
                text(node, "quoteAsset"),
                tickSize,
                stepSize,
                minQuantity,
                minNotional,
                maxQuantity,
                marketMaxQuantity,
                notionalMax);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value.asString();
    }

    private static BigDecimal decimal(JsonNode filter, String type, String field) {
        BigDecimal value = optionalDecimal(filter, type, field);
        if (value == null) {
            throw new IllegalArgumentException("no " + type + " " + field);
        }
        return value;
    }

    /** Binance writes decimals as strings ({@code "0.01000000"}); a JSON number is taken as written too. */
    private static BigDecimal optionalDecimal(JsonNode filter, String type, String field) {
        JsonNode value = filter.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() && !value.isNumber()) {
            throw new IllegalArgumentException(type + " " + field + " is not a decimal: " + value);
        }
        String text = value.isString() ? value.asString() : value.decimalValue().toPlainString();
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(type + " " + field + " is not a decimal: '" + text + "'", e);
        }
    }
}
