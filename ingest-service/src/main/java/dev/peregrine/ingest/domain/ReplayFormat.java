package dev.peregrine.ingest.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What a replay file holds; the codes are what the API and configuration take. */
public enum ReplayFormat {
    /** Binance kline CSV: one candle a line, header optional. */
    KLINES_CSV("klines-csv"),
    /** A raw WebSocket capture: {@code <local_ns> <json>}, one message a line. */
    WS_CAPTURE("ws-capture");

    private static final Pattern CAPTURE_LINE = Pattern.compile("\\d{1,19} [\\[{].*");
    private static final Pattern KLINE_LINE =
            Pattern.compile("\\uFEFF?(\\d+,|open_time|\"?open).*", Pattern.CASE_INSENSITIVE);

    private final String code;

    ReplayFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ReplayFormat fromCode(String code) {
        for (ReplayFormat format : values()) {
            if (format.code.equals(code)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown replay format '" + code + "'; expected one of "
                + Arrays.stream(values()).map(ReplayFormat::code).collect(Collectors.joining(", ")));
    }

    /**
     * The format of a file by its name ({@code .csv[.gz]}: kline CSV; {@code .log[.gz]}, {@code .jsonl[.gz]},
     * {@code .ndjson[.gz]}: capture), else by its first line; empty when neither tells.
     */
    public static Optional<ReplayFormat> detect(String fileName, String firstLine) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(KLINES_CSV);
        }
        if (name.endsWith(".log") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(WS_CAPTURE);
        }
        if (firstLine != null && CAPTURE_LINE.matcher(firstLine).matches()) {
            return Optional.of(WS_CAPTURE);
        }
        if (firstLine != null && KLINE_LINE.matcher(firstLine).matches()) {
            return Optional.of(KLINES_CSV);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
