package dev.peregrine.execution.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ExecutionPropertiesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static ExecutionProperties properties(
            ExecutionProperties.Venue venue, String maxNotional, String feeRate, String feeAsset) {
        return properties(venue, maxNotional, feeRate, feeAsset, "2");
    }

    private static ExecutionProperties properties(
            ExecutionProperties.Venue venue, String maxNotional, String feeRate, String feeAsset, String slippageBps) {
        return new ExecutionProperties(
                venue,
                maxNotional == null ? null : new BigDecimal(maxNotional),
                new ExecutionProperties.Paper(
                        feeRate == null ? null : new BigDecimal(feeRate),
                        feeAsset,
                        slippageBps == null ? null : new BigDecimal(slippageBps)),
                VENUE_ORDERS,
                BINANCE);
    }

    private static final ExecutionProperties.Binance BINANCE = new ExecutionProperties.Binance(
            "https://testnet.binance.vision",
            "wss://ws-api.testnet.binance.vision/ws-api/v3",
            true,
            "BINANCE",
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10));

    private static final ExecutionProperties.VenueOrders VENUE_ORDERS = new ExecutionProperties.VenueOrders(
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            Duration.ofSeconds(30));

    @Test
    void aBackOffWhoseFirstRetryExceedsItsMaximumIsRefused() {
        ExecutionProperties properties = new ExecutionProperties(
                ExecutionProperties.Venue.PAPER,
                BigDecimal.TEN,
                new ExecutionProperties.Paper(new BigDecimal("0.001"), "USDT", BigDecimal.ONE),
                new ExecutionProperties.VenueOrders(
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(90),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(30)),
                BINANCE);

        assertThat(messages(properties))
                .containsExactly(
                        "peregrine.execution.venue-orders durations must be positive and first-retry <= max-retry");
    }

    private Set<String> messages(ExecutionProperties properties) {
        return validator.validate(properties).stream()
                .map(ConstraintViolation::getMessage)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(messages(properties(ExecutionProperties.Venue.PAPER, "100000", "0.001", "USDT")))
                .isEmpty();
    }

    @Test
    void binanceIsAValidVenue() {
        assertThat(messages(properties(ExecutionProperties.Venue.BINANCE, "100000", "0.001", "USDT")))
                .isEmpty();
    }

    @Test
    void aCredentialsPrefixThatIsNoEnvironmentVariableNameIsRefused() {
        ExecutionProperties properties = new ExecutionProperties(
                ExecutionProperties.Venue.BINANCE,
                BigDecimal.TEN,
                new ExecutionProperties.Paper(new BigDecimal("0.001"), "USDT", BigDecimal.ONE),
                VENUE_ORDERS,
                new ExecutionProperties.Binance(
                        "https://testnet.binance.vision",
                        "wss://ws-api.testnet.binance.vision/ws-api/v3",
                        true,
                        "binance-key",
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10)));

        assertThat(messages(properties))
                .containsExactly("peregrine.execution.binance.credentials-prefix must be an "
                        + "environment variable prefix like BINANCE");
    }

    @Test
    void theFeeRateMustBeWithinZeroToOnePercent() {
        assertThat(messages(properties(ExecutionProperties.Venue.PAPER, "100000", "0", "USDT")))
                .isEmpty();
        assertThat(messages(properties(ExecutionProperties.Venue.PAPER, "100000", "0.01", "USDT")))
                .isEmpty();
        assertThat(messages(properties(ExecutionProperties.Venue.PAPER, "100000", "0.0101", "USDT")))
                .containsExactly("peregrine.execution.paper.fee-rate must be within 0..0.01, e.g. 0.001");
        assertThat(messages(properties(ExecutionProperties.Venue.PAPER, "100000", "-0.001", "USDT")))
                .containsExactly("peregrine.execution.paper.fee-rate must be within 0..0.01, e.g. 0.001");
    }

    @Test
    void theSlippageMustBeWithinZeroToAThousandBasisPoints() {
        assertThat(messages(properties(ExecutionProperties.Venue.PAPER, "100000", "0.001", "USDT", "0")))
                .isEmpty();
        assertThat(messages(properties(ExecutionProperties.Venue.PAPER, "100000", "0.001", "USDT", "1000")))
                .isEmpty();
        assertThat(messages(properties(ExecutionProperties.Venue.PAPER, "100000", "0.001", "USDT", "1000.5")))
                .containsExactly("peregrine.execution.paper.slippage-bps must be within 0..1000, e.g. 2");
        assertThat(messages(properties(ExecutionProperties.Venue.PAPER, "100000", "0.001", "USDT", "-0.1")))
                .containsExactly("peregrine.execution.paper.slippage-bps must be within 0..1000, e.g. 2");
        assertThat(messages(properties(ExecutionProperties.Venue.PAPER, "100000", "0.001", "USDT", null)))
                .containsExactly("set peregrine.execution.paper.slippage-bps, e.g. 2 (0.02 %)");
    }

    @Test
    void missingOrMalformedSettingsSayWhatToSet() {
        assertThat(messages(properties(null, null, null, "usdt")))
                .containsExactlyInAnyOrder(
                        "set peregrine.execution.venue to PAPER or BINANCE",
                        "set peregrine.execution.max-order-notional to the largest order value allowed, e.g. 100000",
                        "set peregrine.execution.paper.fee-rate, e.g. 0.001 for 0.1 %",
                        "peregrine.execution.paper.fee-asset must be an asset code like USDT");
        assertThat(messages(properties(ExecutionProperties.Venue.PAPER, "0", "0.001", "USDT")))
                .containsExactly("peregrine.execution.max-order-notional must be positive, e.g. 100000");
    }
}
