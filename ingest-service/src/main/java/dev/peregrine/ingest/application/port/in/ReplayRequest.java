package dev.peregrine.ingest.application.port.in;

import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayTrigger;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to replay a file.
 *
 * @param file     path of a kline CSV file or WebSocket capture, plain or gzip
 * @param format   what the file holds; empty to tell by its name, else by its first line
 * @param speed    0 = as fast as possible, N = N times real time (negative is refused)
 * @param symbol   overrides the symbol read from a kline file's name; null to read it from the name
 * @param interval overrides the interval read from a kline file's name (Binance code, e.g. 15m); null to read it
 * @param requestedBy the authenticated caller who asked for an OPERATOR replay (recorded on the run); null if none
 */
public record ReplayRequest(
        String file,
        Optional<ReplayFormat> format,
        int speed,
        String symbol,
        String interval,
        ReplayTrigger trigger,
        String requestedBy) {

    public ReplayRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(trigger, "trigger");
    }

    /** A request nobody named asked for. */
    public ReplayRequest(
            String file,
            Optional<ReplayFormat> format,
            int speed,
            String symbol,
            String interval,
            ReplayTrigger trigger) {
        this(file, format, speed, symbol, interval, trigger, null);
    }

    /** A request whose format is told by the file. */
    public ReplayRequest(String file, int speed, String symbol, String interval, ReplayTrigger trigger) {
        this(file, Optional.empty(), speed, symbol, interval, trigger);
    }
}
