package dev.peregrine.ingest.domain.live;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The Binance market streams the live feed can subscribe to, by the code used in configuration. */
public enum StreamType {
    /** {@code <symbol>@kline_<interval>}: one stream per configured interval. */
    KLINE("kline"),
    /** {@code <symbol>@aggTrade}. */
    AGG_TRADE("aggTrade"),
    /** {@code <symbol>@bookTicker}. */
    BOOK_TICKER("bookTicker");

    private final String code;

    StreamType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static StreamType fromCode(String code) {
        for (StreamType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown stream type '" + code + "'; expected one of "
                + Arrays.stream(values()).map(StreamType::code).collect(Collectors.joining(", ")));
    }
}
