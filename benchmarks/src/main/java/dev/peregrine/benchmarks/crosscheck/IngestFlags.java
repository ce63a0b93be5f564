package dev.peregrine.benchmarks.crosscheck;

import dev.peregrine.platform.jdbc.JdbcTime;
import dev.peregrine.signal.domain.bar.Bar;
import java.sql.Array;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data-quality flags ingest attached to the replayed candles ({@code ingest.candles.quality_flags}, read-only):
 * what signal-service saw and {@code Klines.read} does not (the raw file carries none). signal-service gives a signal
 * on a flagged candle strength 0, grade F, action SKIP (docs/signal-validation.md).
 */
record IngestFlags(int candles, Map<Instant, List<String>> flagged) {

    static IngestFlags read(JdbcClient jdbc, String symbol, String interval) {
        Map<Instant, List<String>> flagged = new HashMap<>();
        int[] candles = {0};
        jdbc.sql("select open_time, quality_flags from ingest.candles where symbol = ? and interval = ?")
                .params(symbol, interval)
                .query(rs -> {
                    candles[0]++;
                    Array array = rs.getArray("quality_flags");
                    String[] flags = array == null ? new String[0] : (String[]) array.getArray();
                    if (flags.length > 0) {
                        flagged.put(JdbcTime.instant(rs, "open_time"), List.of(flags));
                    }
                });
        return new IngestFlags(candles[0], Map.copyOf(flagged));
    }

    /** How many flagged candles carry each flag, e.g. {@code {PRICE_JUMP=2}}. */
    Map<String, Long> countsByFlag() {
        return flagged.values().stream()
                .flatMap(List::stream)
                .collect(java.util.stream.Collectors.groupingBy(
                        f -> f, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    boolean isFlagged(Instant openTime) {
        return flagged.containsKey(openTime);
    }

    /** {@code bars} with the flags ingest gave them, as signal-service received them. */
    List<Bar> apply(List<Bar> bars) {
        return bars.stream()
                .map(b -> flagged.containsKey(b.openTime())
                        ? new Bar(
                                b.openTime(),
                                b.closeTime(),
                                b.open(),
                                b.high(),
                                b.low(),
                                b.close(),
                                b.volume(),
                                b.quoteVolume(),
                                b.takerBuyBaseVolume(),
                                flagged.get(b.openTime()))
                        : b)
                .toList();
    }
}
