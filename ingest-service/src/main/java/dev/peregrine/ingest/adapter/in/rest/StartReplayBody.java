package dev.peregrine.ingest.adapter.in.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Body of {@code POST /api/v1/replays}.
 *
 * @param speed    0 or absent = as fast as possible, N = N times real time
 * @param symbol   optional, when the file name is not {@code SYMBOL-INTERVAL.csv[.gz]}
 * @param interval optional Binance interval code such as {@code 15m}, same reason
 */
public record StartReplayBody(
        @NotBlank(message = "is required: the path of a kline CSV file (.csv or .csv.gz) on the ingest host") String file,
        @PositiveOrZero(message = "must be 0 (as fast as possible) or a positive factor of real time") Integer speed,
        String symbol,
        String interval) {
}
