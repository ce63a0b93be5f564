package dev.peregrine.ingest.config;

import dev.peregrine.ingest.domain.quality.QualityRule;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class IngestPropertiesTest {

    private static final String BATCH_SIZE_MESSAGE = "peregrine.ingest.replay.batch-size must be between 1 and 10000 "
            + "(lines published per broker round trip at speed 0), e.g. 500";
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    /** The values shipped in ingest-service.yml. */
    static IngestProperties.Quality shippedQuality() {
        IngestProperties.Rule on = new IngestProperties.Rule(true);
        return new IngestProperties.Quality(on, on, on, on, on, on, on, on,
                new IngestProperties.StaleStream(true, 3),
                new IngestProperties.PriceJump(true, 100, 100, 10, 10),
                new IngestProperties.KlineCloseVsLastTrade(true, BigDecimal.ONE, 10_000));
    }

    private static IngestProperties properties(IngestProperties.Replay replay) {
        return new IngestProperties(replay, shippedQuality());
    }

    @Test
    void theShippedDefaultsAreValidAndAreTheDomainDefaults() {
        assertThat(validator.validate(properties(new IngestProperties.Replay("", "", 0, "", "", 500)))).isEmpty();
        assertThat(validator.validate(properties(new IngestProperties.Replay(
                "../shared/data/binance/klines/BTCUSDT-15m.csv.gz", "klines-csv", 60, "BTCUSDT", "15m", 1)))).isEmpty();
        assertThat(validator.validate(properties(new IngestProperties.Replay(
                "../shared/data/binance/ws-capture/btcusdt_20240808.log.gz", "ws-capture", 1, "", "", 1)))).isEmpty();
        assertThat(shippedQuality().toSettings()).isEqualTo(QualitySettings.defaults());
    }

    @Test
    void badValuesAreRefusedWithMessagesThatSayWhatToFix() {
        var violations = validator.validate(properties(new IngestProperties.Replay("x.csv", "json", -1, "BTC-USDT", "7m", 0)));

        assertThat(violations).extracting(ConstraintViolation::getMessage).containsExactlyInAnyOrder(
                "peregrine.ingest.replay.format must be klines-csv, ws-capture, or empty to tell by the file",
                "peregrine.ingest.replay.speed must be 0 (as fast as possible) or a positive factor of real time, e.g. 60",
                "peregrine.ingest.replay.symbol must be a Binance symbol such as BTCUSDT, or empty to take it from the file name",
                "peregrine.ingest.replay.interval must be a Binance interval code (1m, 5m, 15m, 1h, 4h, 1d, ...), or empty "
                        + "to take it from the file name",
                BATCH_SIZE_MESSAGE);
        assertThat(validator.validate(properties(new IngestProperties.Replay("", "", 0, "", "", 10_001))))
                .extracting(ConstraintViolation::getMessage).containsExactly(BATCH_SIZE_MESSAGE);
        assertThat(validator.validate(properties(new IngestProperties.Replay("", "", 0, "", "", 10_000)))).isEmpty();
        assertThat(validator.validate(new IngestProperties(null, shippedQuality()))).extracting(ConstraintViolation::getMessage)
                .containsExactly("peregrine.ingest.replay must be present (see ingest-service.yml)");
    }

    @Test
    void qualityThresholdsAreValidatedWithMessagesThatSayWhatToFix() {
        IngestProperties.Rule on = new IngestProperties.Rule(true);
        IngestProperties.Quality bad = new IngestProperties.Quality(on, on, on, on, on, on, on, on,
                new IngestProperties.StaleStream(true, 0),
                new IngestProperties.PriceJump(true, 50, 60, 0.5, -1),
                new IngestProperties.KlineCloseVsLastTrade(true, new BigDecimal("-0.1"), 0));

        var violations = validator.validate(new IngestProperties(new IngestProperties.Replay("", "", 0, "", "", 500), bad));

        assertThat(violations).extracting(ConstraintViolation::getMessage).containsExactlyInAnyOrder(
                "peregrine.ingest.quality.stale-stream.intervals must be between 1 and 1000 (intervals without an "
                        + "update before a series is stale), e.g. 3",
                "peregrine.ingest.quality.price-jump.warm-up must be at least 2 and at most the window (returns seen "
                        + "before a series is judged), e.g. 100",
                "peregrine.ingest.quality.price-jump.k must be between 1 and 1000 (robust standard deviations a return "
                        + "may reach), e.g. 10",
                "peregrine.ingest.quality.price-jump.min-jump-bps must be between 0 and 10000 (basis points of log "
                        + "return never flagged), e.g. 10",
                "peregrine.ingest.quality.kline-close-vs-last-trade.tolerance-bps must be between 0 and 1000 (basis "
                        + "points the close may be off the last trade), e.g. 1",
                "peregrine.ingest.quality.kline-close-vs-last-trade.trade-history must be between 1 and 1000000 "
                        + "(trades kept per symbol), e.g. 10000");
        assertThat(validator.validate(new IngestProperties(new IngestProperties.Replay("", "", 0, "", "", 500), null)))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("peregrine.ingest.quality must be present (see ingest-service.yml)");
    }

    @Test
    void aDisabledRuleIsLeftOutOfTheSettings() {
        IngestProperties.Rule on = new IngestProperties.Rule(true);
        IngestProperties.Rule off = new IngestProperties.Rule(false);
        IngestProperties.Quality quality = new IngestProperties.Quality(on, off, on, on, on, on, on, off,
                new IngestProperties.StaleStream(false, 5),
                new IngestProperties.PriceJump(true, 50, 20, 8, 0),
                new IngestProperties.KlineCloseVsLastTrade(true, new BigDecimal("0.5"), 100));

        QualitySettings settings = quality.toSettings();

        assertThat(settings.enabled()).isEqualTo(EnumSet.complementOf(EnumSet.of(QualityRule.BAD_NUMBER,
                QualityRule.GAP, QualityRule.STALE_STREAM)));
        assertThat(settings.staleStream().intervals()).isEqualTo(5);
        assertThat(settings.priceJump()).isEqualTo(new QualitySettings.PriceJump(50, 20, 8, 0));
        assertThat(settings.lastTrade()).isEqualTo(new QualitySettings.LastTrade(new BigDecimal("0.5"), 100));
    }
}
