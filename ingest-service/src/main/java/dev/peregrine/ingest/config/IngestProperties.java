package dev.peregrine.ingest.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * ingest's configuration ({@code peregrine.ingest.*}); defaults in {@code ingest-service.yml}. Each block is its own
 * record, with its own validation, in this package: {@link ReplayProperties}, {@link QualityProperties},
 * {@link BinanceProperties} (and {@link BinanceRestProperties}), {@link RetentionProperties} and
 * {@link InstrumentsProperties}.
 *
 * @param replay      the file replayed at start-up
 * @param quality     the data-quality rules: each can be switched off, the stateful ones have thresholds
 * @param binance     the live Binance streams and REST backfill
 * @param retention   how long stored rows are kept
 * @param instruments where replays take their trading rules from
 */
@Validated
@ConfigurationProperties("peregrine.ingest")
public record IngestProperties(
        @Valid @NotNull(message = "peregrine.ingest.replay must be present (see ingest-service.yml)")
        ReplayProperties replay,

        @Valid @NotNull(message = "peregrine.ingest.quality must be present (see ingest-service.yml)")
        QualityProperties quality,

        @Valid @NotNull(message = "peregrine.ingest.binance must be present (see ingest-service.yml)")
        BinanceProperties binance,

        @Valid @NotNull(message = "peregrine.ingest.retention must be present (see ingest-service.yml)")
        RetentionProperties retention,

        @Valid @NotNull(message = "peregrine.ingest.instruments must be present (see ingest-service.yml)")
        InstrumentsProperties instruments) {

    /** The snapshot property's name, for messages that tell how to fix a snapshot that cannot be used. */
    public static final String SNAPSHOT_PROPERTY = "peregrine.ingest.instruments.snapshot";
}
