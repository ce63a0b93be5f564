package dev.peregrine.ingest.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * {@code peregrine.ingest.replay}: the file replayed at start-up, how fast, and the limits on what a replay may read.
 *
 * @param file      kline CSV file or WebSocket capture (plain or .gz) to replay once the service is up; empty
 *                  for none (env PEREGRINE_INGEST_REPLAY_FILE)
 * @param format    klines-csv or ws-capture; empty to tell by the file's name, else its first line
 * @param speed     0 = as fast as possible, N = N times real time
 * @param symbol    symbol of a kline file's candles when its name is not SYMBOL-INTERVAL.csv[.gz]; empty to read
 *                  the name
 * @param interval  interval of a kline file's candles (Binance code), same reason; empty to read the name
 * @param batchSize at speed 0, how many lines are stored and published together, waiting once for the
 *                  broker instead of once per candle; a paced replay publishes candle by candle regardless
 * @param batchesInFlight at speed 0, how many stored batches may wait for or be in the hands of the publishing
 *                  thread while the replay thread stores the next; it waits beyond that (back-pressure)
 * @param allowedDirectories the directories replays may read below (relative ones from the working directory);
 *                  the configured {@code file} may lie elsewhere (env PEREGRINE_INGEST_REPLAY_ALLOWED_DIRECTORIES)
 * @param maxFileSize the largest replay file, on disk and once decompressed
 * @param maxLineLength the longest line read, in characters; a longer line is rejected (LINE_TOO_LONG)
 */
public record ReplayProperties(
        String file,

        @Pattern(
                regexp = "|klines-csv|ws-capture",
                message = "peregrine.ingest.replay.format must be klines-csv, "
                        + "ws-capture, or empty to tell by the file")
        String format,

        @PositiveOrZero(
                message = "peregrine.ingest.replay.speed must be 0 (as fast as possible) or a positive "
                        + "factor of real time, e.g. 60")
        int speed,

        @Pattern(
                regexp = "|[A-Za-z0-9]{2,20}",
                message = "peregrine.ingest.replay.symbol must be a Binance symbol "
                        + "such as BTCUSDT, or empty to take it from the file name")
        String symbol,

        @Pattern(
                regexp = "|1s|1m|3m|5m|15m|30m|1h|2h|4h|6h|8h|12h|1d|3d|1w",
                message = "peregrine.ingest.replay."
                        + "interval must be a Binance interval code (1m, 5m, 15m, 1h, 4h, 1d, ...), or empty to take it "
                        + "from the file name")
        String interval,

        @Min(value = 1, message = BATCH_SIZE_MESSAGE) @Max(value = 10_000, message = BATCH_SIZE_MESSAGE)
        int batchSize,

        @Min(value = 1, message = IN_FLIGHT_MESSAGE) @Max(value = 16, message = IN_FLIGHT_MESSAGE)
        int batchesInFlight,

        @NotNull(message = ALLOWED_MESSAGE) List<String> allowedDirectories,
        @NotNull(message = MAX_FILE_SIZE_MESSAGE) DataSize maxFileSize,

        @Min(value = 256, message = MAX_LINE_MESSAGE) @Max(value = 67_108_864, message = MAX_LINE_MESSAGE)
        int maxLineLength) {

    private static final String BATCH_SIZE_MESSAGE = "peregrine.ingest.replay.batch-size must be between 1 and "
            + "10000 (lines published per broker round trip at speed 0), e.g. 100";
    private static final String IN_FLIGHT_MESSAGE = "peregrine.ingest.replay.batches-in-flight must be between 1 "
            + "and 16 (stored batches handed to the publishing thread and not yet acknowledged), e.g. 2";
    private static final String ALLOWED_MESSAGE = "peregrine.ingest.replay.allowed-directories must list the "
            + "directories replays may read below, comma-separated (empty for none), e.g. ../shared/data";
    private static final String MAX_FILE_SIZE_MESSAGE = "peregrine.ingest.replay.max-file-size must be between 1KB "
            + "and 1TB (the largest replay file, on disk and once decompressed), e.g. 2GB";
    private static final String MAX_LINE_MESSAGE = "peregrine.ingest.replay.max-line-length must be between 256 "
            + "and 67108864 (characters of the longest line read), e.g. 1048576";

    @AssertTrue(message = MAX_FILE_SIZE_MESSAGE)
    public boolean isMaxFileSizeInRange() {
        return maxFileSize == null
                || (maxFileSize.toBytes() >= 1024
                        && maxFileSize.toBytes() <= DataSize.ofTerabytes(1).toBytes());
    }
}
