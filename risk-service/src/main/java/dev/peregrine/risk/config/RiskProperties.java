package dev.peregrine.risk.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Risk settings ({@code peregrine.risk.*}); defaults in {@code risk-service.yml}.
 *
 * <p>First version: {@code equity} is static configuration, a placeholder until a portfolio fed by fills
 * supplies it; the instrument filters ({@code default-*} and {@code symbols.<SYMBOL>.*}) are configured by
 * hand until they come from ingest's exchangeInfo.
 *
 * @param equity              account equity in {@code quoteAsset} that sizing risks a fraction of
 * @param quoteAsset          asset equity and risk amounts are expressed in
 * @param riskPerTrade        fraction of equity a full-confidence trade loses at its stop
 * @param maxPositionFraction largest notional of one position as a fraction of equity
 * @param defaultStepSize     quantity step of symbols without an override
 * @param defaultMinNotional  minimum order notional (quote asset) of symbols without an override
 * @param defaultMinQuantity  minimum order quantity of symbols without an override
 * @param symbols             per-symbol overrides of the instrument filters, keyed by symbol (e.g. BTCUSDT)
 */
@Validated
@ConfigurationProperties("peregrine.risk")
public record RiskProperties(
        @NotNull(message = "set peregrine.risk.equity to the account equity in the quote asset, e.g. 10000")
        @DecimalMin(value = "0", inclusive = false,
                message = "peregrine.risk.equity must be positive, e.g. 10000")
        @Digits(integer = 20, fraction = 8, message = "peregrine.risk.equity may have at most 8 decimals")
        BigDecimal equity,

        @NotNull(message = "set peregrine.risk.quote-asset to the asset equity is held in, e.g. USDT")
        @Pattern(regexp = "[A-Z0-9]{2,12}",
                message = "peregrine.risk.quote-asset must be an upper case asset code like USDT")
        String quoteAsset,

        @NotNull(message = "set peregrine.risk.risk-per-trade to a fraction of equity, e.g. 0.01 for 1%")
        @DecimalMin(value = "0", inclusive = false,
                message = "peregrine.risk.risk-per-trade must be above 0, e.g. 0.01 for 1% of equity per trade")
        @DecimalMax(value = "0.1",
                message = "peregrine.risk.risk-per-trade must be at most 0.1 (10% of equity per trade); 0.01 is usual")
        BigDecimal riskPerTrade,

        @NotNull(message = "set peregrine.risk.max-position-fraction to a fraction of equity, e.g. 0.25")
        @DecimalMin(value = "0", inclusive = false,
                message = "peregrine.risk.max-position-fraction must be above 0, e.g. 0.25")
        @DecimalMax(value = "1",
                message = "peregrine.risk.max-position-fraction must be at most 1 (no leverage), e.g. 0.25")
        BigDecimal maxPositionFraction,

        @NotNull(message = "set peregrine.risk.default-step-size, e.g. 0.00001")
        @DecimalMin(value = "0", inclusive = false,
                message = "peregrine.risk.default-step-size must be positive, e.g. 0.00001")
        @Digits(integer = 12, fraction = 8,
                message = "peregrine.risk.default-step-size may have at most 8 decimals, like Binance's LOT_SIZE")
        BigDecimal defaultStepSize,

        @NotNull(message = "set peregrine.risk.default-min-notional, e.g. 10")
        @DecimalMin(value = "0", message = "peregrine.risk.default-min-notional must not be negative, e.g. 10")
        BigDecimal defaultMinNotional,

        @NotNull(message = "set peregrine.risk.default-min-quantity, e.g. 0.00001")
        @DecimalMin(value = "0", message = "peregrine.risk.default-min-quantity must not be negative, e.g. 0.00001")
        BigDecimal defaultMinQuantity,

        Map<String, @Valid SymbolFilters> symbols) {

    public RiskProperties {
        symbols = symbols == null ? Map.of() : Map.copyOf(symbols);
    }

    @AssertTrue(message = "peregrine.risk.symbols keys must be exchange symbols of 2-20 upper case letters or "
            + "digits, like BTCUSDT")
    public boolean isSymbolKeysValid() {
        return symbols.keySet().stream().allMatch(key -> key.matches("[A-Za-z0-9]{2,20}"));
    }

    /**
     * Overrides for one symbol; a filter left unset falls back to the {@code default-*} value.
     *
     * @param stepSize    quantity step (Binance LOT_SIZE stepSize)
     * @param minNotional minimum notional in quote asset (Binance NOTIONAL minNotional)
     * @param minQuantity minimum quantity (Binance LOT_SIZE minQty)
     */
    public record SymbolFilters(
            @DecimalMin(value = "0", inclusive = false,
                    message = "peregrine.risk.symbols.<SYMBOL>.step-size must be positive, e.g. 0.001")
            @Digits(integer = 12, fraction = 8,
                    message = "peregrine.risk.symbols.<SYMBOL>.step-size may have at most 8 decimals")
            BigDecimal stepSize,

            @DecimalMin(value = "0", message = "peregrine.risk.symbols.<SYMBOL>.min-notional must not be negative")
            BigDecimal minNotional,

            @DecimalMin(value = "0", message = "peregrine.risk.symbols.<SYMBOL>.min-quantity must not be negative")
            BigDecimal minQuantity) {
    }
}
