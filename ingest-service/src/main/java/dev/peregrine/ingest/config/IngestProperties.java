package dev.peregrine.ingest.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * ingest's configuration ({@code peregrine.ingest.*}); defaults in {@code ingest-service.yml}.
 *
 * @param replay the kline file replayed at start-up
 */
@Validated
@ConfigurationProperties("peregrine.ingest")
public record IngestProperties(
        @Valid @NotNull(message = "peregrine.ingest.replay must be present (see ingest-service.yml)") Replay replay) {

    /**
     * @param file     kline CSV file (plain or .gz) to replay once the service is up; empty for none
     *                 (env PEREGRINE_INGEST_REPLAY_FILE)
     * @param speed    0 = as fast as possible, N = N times real time
     * @param symbol   symbol of the file's candles when its name is not SYMBOL-INTERVAL.csv[.gz]; empty to read the name
     * @param interval interval of the file's candles (Binance code), same reason; empty to read the name
     * @param batchSize at speed 0, how many lines are stored and published together, waiting once for the
     *                  broker instead of once per candle; a paced replay publishes candle by candle regardless
     */
    public record Replay(
            String file,
            @PositiveOrZero(message = "peregrine.ingest.replay.speed must be 0 (as fast as possible) or a positive "
                    + "factor of real time, e.g. 60") int speed,
            @Pattern(regexp = "|[A-Za-z0-9]{2,20}", message = "peregrine.ingest.replay.symbol must be a Binance symbol "
                    + "such as BTCUSDT, or empty to take it from the file name") String symbol,
            @Pattern(regexp = "|1s|1m|3m|5m|15m|30m|1h|2h|4h|6h|8h|12h|1d|3d|1w", message = "peregrine.ingest.replay."
                    + "interval must be a Binance interval code (1m, 5m, 15m, 1h, 4h, 1d, ...), or empty to take it "
                    + "from the file name") String interval,
            @Min(value = 1, message = BATCH_SIZE_MESSAGE) @Max(value = 10_000, message = BATCH_SIZE_MESSAGE) int batchSize) {

        private static final String BATCH_SIZE_MESSAGE = "peregrine.ingest.replay.batch-size must be between 1 and "
                + "10000 (lines published per broker round trip at speed 0), e.g. 500";
    }
}
