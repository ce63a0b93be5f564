package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the simulator and Binance's way of writing decimals. */
final class Json {

    /** Decimals are read as BigDecimal so that re-serialised payloads keep every digit they were recorded with. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Binance writes prices and quantities with (at least) 8 decimals, as strings. */
    private static final int BINANCE_SCALE = 8;

    private Json() {}

    static String decimal(BigDecimal value) {
        return (value.scale() < BINANCE_SCALE ? value.setScale(BINANCE_SCALE) : value).toPlainString();
    }
}
