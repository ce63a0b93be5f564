package dev.peregrine.ingest.application.port.in;

import dev.peregrine.ingest.domain.ReplayTrigger;

import java.util.Objects;

/**
 * A request to replay a kline file.
 *
 * @param file     path of a kline CSV file, plain or gzip
 * @param speed    0 = as fast as possible, N = N times real time (negative is refused)
 * @param symbol   overrides the symbol read from the file name; null to read it from the name
 * @param interval overrides the interval read from the file name (Binance code, e.g. 15m); null to read it
 */
public record ReplayRequest(String file, int speed, String symbol, String interval, ReplayTrigger trigger) {

    public ReplayRequest {
        Objects.requireNonNull(trigger, "trigger");
    }
}
