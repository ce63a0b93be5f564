package dev.peregrine.execution.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of execution-service ({@code peregrine.execution.*}); defaults in {@code execution-service.yml}.
 *
 * @param venue            where orders go
 * @param maxOrderNotional largest quote value (quantity × execution price) one order may have
 * @param paper            the paper venue's settings
 * @param venueOrders      how orders the venue has not settled are looked up and how often Peregrine reconciles
 * @param binance          where and how the BINANCE venue trades (read only when {@code venue} is BINANCE)
 */
@Validated
@ConfigurationProperties("peregrine.execution")
public record ExecutionProperties(
        @NotNull(message = "set peregrine.execution.venue to PAPER or BINANCE")
        Venue venue,

        @NotNull(message = "set peregrine.execution.max-order-notional to the largest order value allowed, e.g. 100000")
        @DecimalMin(
                value = "0",
                inclusive = false,
                message = "peregrine.execution.max-order-notional must be positive, e.g. 100000")
        BigDecimal maxOrderNotional,

        @NotNull(
                message = "set peregrine.execution.paper.fee-rate, peregrine.execution.paper.fee-asset and "
                        + "peregrine.execution.paper.slippage-bps")
        @Valid
        Paper paper,

        @NotNull(message = "set peregrine.execution.venue-orders.* (see execution-service.yml for the defaults)") @Valid
        VenueOrders venueOrders,

        @NotNull(message = "set peregrine.execution.binance.* (see execution-service.yml for the defaults)") @Valid
        Binance binance) {

    /**
     * The Binance venue. The API key never comes from here: it is read from environment variables (or the mounted
     * files they name) starting with {@code credentialsPrefix}, e.g. {@code BINANCE_API_KEY} and
     * {@code BINANCE_SECRET_KEY_FILE}; see docs/execution.md.
     *
     * @param restBaseUrl       e.g. https://api.binance.com (live) or https://testnet.binance.vision (testnet)
     * @param wsApiUrl          the WebSocket API, which carries the user data stream, e.g.
     *                          wss://ws-api.binance.com:443/ws-api/v3 (testnet wss://ws-api.testnet.binance.vision/ws-api/v3)
     * @param testnet           the spot testnet, which has no /sapi endpoints: the key's restrictions are not checked
     * @param credentialsPrefix prefix of the environment variables that hold the key
     * @param recvWindow        how long after its timestamp a signed request is valid (Binance: at most 60 s)
     * @param readTimeout       how long to wait for an answer before the call's outcome is UNKNOWN
     * @param intentMaxAge      intents older than this past their notBefore, by the venue's clock, are refused
     */
    public record Binance(
            @NotBlank(message = "set peregrine.execution.binance.rest-base-url, e.g. https://testnet.binance.vision")
            String restBaseUrl,

            @NotBlank(
                    message =
                            "set peregrine.execution.binance.ws-api-url, e.g. wss://ws-api.testnet.binance.vision/ws-api/v3")
            String wsApiUrl,

            boolean testnet,

            @NotNull(message = "set peregrine.execution.binance.credentials-prefix, e.g. BINANCE")
            @Pattern(
                    regexp = "[A-Z][A-Z0-9_]*",
                    message =
                            "peregrine.execution.binance.credentials-prefix must be an environment variable prefix like BINANCE")
            String credentialsPrefix,

            @NotNull(message = "set peregrine.execution.binance.recv-window, e.g. 5s")
            Duration recvWindow,

            @NotNull(message = "set peregrine.execution.binance.read-timeout, e.g. 10s")
            Duration readTimeout,

            @NotNull(message = "set peregrine.execution.binance.intent-max-age, e.g. 10s")
            Duration intentMaxAge) {

        @AssertTrue(
                message = "peregrine.execution.binance.recv-window must be within 1 ms..60s (Binance refuses more), "
                        + "read-timeout and intent-max-age positive")
        public boolean isConsistent() {
            return recvWindow == null
                    || readTimeout == null
                    || intentMaxAge == null
                    || (recvWindow.isPositive()
                            && recvWindow.compareTo(Duration.ofSeconds(60)) <= 0
                            && readTimeout.isPositive()
                            && intentMaxAge.isPositive());
        }
    }

    /**
     * @param reconcileEvery how often every unsettled and working order is compared with the venue (also at start-up)
     * @param resolveEvery   how often PENDING_SUBMIT and UNKNOWN orders whose back-off has passed are looked up
     * @param firstRetry     the first back-off after a lookup that settled nothing; it doubles each time
     * @param maxRetry       the longest back-off
     * @param absenceGrace   how long after an order became UNKNOWN the venue's "no such order" is not believed
     *                       (Binance may answer -2013 for an order it has not made visible yet)
     */
    public record VenueOrders(
            @NotNull(message = "set peregrine.execution.venue-orders.reconcile-every, e.g. 60s")
            Duration reconcileEvery,

            @NotNull(message = "set peregrine.execution.venue-orders.resolve-every, e.g. 5s")
            Duration resolveEvery,

            @NotNull(message = "set peregrine.execution.venue-orders.first-retry, e.g. 1s")
            Duration firstRetry,

            @NotNull(message = "set peregrine.execution.venue-orders.max-retry, e.g. 60s")
            Duration maxRetry,

            @NotNull(message = "set peregrine.execution.venue-orders.absence-grace, e.g. 30s")
            Duration absenceGrace) {

        @AssertTrue(
                message = "peregrine.execution.venue-orders durations must be positive and first-retry <= max-retry")
        public boolean isConsistent() {
            return reconcileEvery == null
                    || resolveEvery == null
                    || firstRetry == null
                    || maxRetry == null
                    || absenceGrace == null
                    || (reconcileEvery.isPositive()
                            && resolveEvery.isPositive()
                            && firstRetry.isPositive()
                            && maxRetry.compareTo(firstRetry) >= 0
                            && !absenceGrace.isNegative());
        }
    }

    /** Venues the service knows of. */
    public enum Venue {
        PAPER,
        BINANCE
    }

    /**
     * @param feeRate     fee per fill as a fraction of the notional
     * @param feeAsset    asset the fee is charged in (the quote asset)
     * @param slippageBps how far, in basis points of the price, a market order or a triggered stop fills against
     *                    itself (clamped to the candle's range)
     */
    public record Paper(
            @NotNull(message = "set peregrine.execution.paper.fee-rate, e.g. 0.001 for 0.1 %")
            @DecimalMin(value = "0", message = "peregrine.execution.paper.fee-rate must be within 0..0.01, e.g. 0.001")
            @DecimalMax(
                    value = "0.01",
                    message = "peregrine.execution.paper.fee-rate must be within 0..0.01, e.g. 0.001")
            BigDecimal feeRate,

            @NotNull(message = "set peregrine.execution.paper.fee-asset to an asset code like USDT")
            @Pattern(
                    regexp = "[A-Z0-9]{2,12}",
                    message = "peregrine.execution.paper.fee-asset must be an asset code like USDT")
            String feeAsset,

            @NotNull(message = "set peregrine.execution.paper.slippage-bps, e.g. 2 (0.02 %)")
            @DecimalMin(value = "0", message = "peregrine.execution.paper.slippage-bps must be within 0..1000, e.g. 2")
            @DecimalMax(
                    value = "1000",
                    message = "peregrine.execution.paper.slippage-bps must be within 0..1000, e.g. 2")
            BigDecimal slippageBps) {}
}
