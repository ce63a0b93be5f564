package dev.peregrine.ingest.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

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

    @Test
    void theShippedDefaultsAreValid() {
        assertThat(validator.validate(new IngestProperties(new IngestProperties.Replay("", 0, "", "", 500)))).isEmpty();
        assertThat(validator.validate(new IngestProperties(new IngestProperties.Replay(
                "../shared/data/binance/klines/BTCUSDT-15m.csv.gz", 60, "BTCUSDT", "15m", 1)))).isEmpty();
    }

    @Test
    void badValuesAreRefusedWithMessagesThatSayWhatToFix() {
        var violations = validator.validate(new IngestProperties(new IngestProperties.Replay("x.csv", -1, "BTC-USDT", "7m", 0)));

        assertThat(violations).extracting(ConstraintViolation::getMessage).containsExactlyInAnyOrder(
                "peregrine.ingest.replay.speed must be 0 (as fast as possible) or a positive factor of real time, e.g. 60",
                "peregrine.ingest.replay.symbol must be a Binance symbol such as BTCUSDT, or empty to take it from the file name",
                "peregrine.ingest.replay.interval must be a Binance interval code (1m, 5m, 15m, 1h, 4h, 1d, ...), or empty "
                        + "to take it from the file name",
                BATCH_SIZE_MESSAGE);
        assertThat(validator.validate(new IngestProperties(new IngestProperties.Replay("", 0, "", "", 10_001))))
                .extracting(ConstraintViolation::getMessage).containsExactly(BATCH_SIZE_MESSAGE);
        assertThat(validator.validate(new IngestProperties(new IngestProperties.Replay("", 0, "", "", 10_000)))).isEmpty();
        assertThat(validator.validate(new IngestProperties(null))).extracting(ConstraintViolation::getMessage)
                .containsExactly("peregrine.ingest.replay must be present (see ingest-service.yml)");
    }
}
