package dev.peregrine.ingest.adapter.in.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Body of {@code POST /api/v1/replays}.
 *
 * @param format   {@code klines-csv} or {@code ws-capture}; absent = told by the file name, else its first line
 * @param speed    0 or absent = as fast as possible, N = N times real time
 * @param symbol   optional, when a kline file's name is not {@code SYMBOL-INTERVAL.csv[.gz]}
 * @param interval optional Binance interval code such as {@code 15m}, same reason
 */
public record StartReplayBody(
        @NotBlank(
                message = "is required: the path of a kline CSV file (.csv or .csv.gz) or WebSocket capture "
                        + "(.log or .log.gz) on the ingest host")
        String file,

        @Pattern(
                regexp = "klines-csv|ws-capture",
                message = "must be klines-csv or ws-capture, or left out to tell " + "by the file")
        String format,

        @PositiveOrZero(message = "must be 0 (as fast as possible) or a positive factor of real time")
        Integer speed,

        String symbol,
        String interval) {}
