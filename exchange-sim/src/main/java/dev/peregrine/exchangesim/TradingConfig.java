package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The simulated spot account behind the signed trading endpoints.
 *
 * @param apiKey           the one API key the simulator accepts ({@code X-MBX-APIKEY})
 * @param secretKey        its HMAC-SHA256 secret
 * @param balances         starting free balance per asset
 * @param makerCommission  commission rate of a resting order's fill (Binance's default tier: 0.001 = 0.1 %)
 * @param takerCommission  commission rate of a fill on arrival
 * @param commissionAsset  which asset the commission is charged in
 * @param slippage         a MARKET order (or a marketable LIMIT) fills this fraction worse than the market price
 *                         (0.0005 = 5 bps), rounded to the tick against the trader, never past a LIMIT's price
 * @param canTrade         the account's {@code canTrade}; false refuses new orders with -2010
 * @param canWithdraw      the account's {@code canWithdraw}, reported only
 */
public record TradingConfig(
        String apiKey,
        String secretKey,
        Map<String, BigDecimal> balances,
        BigDecimal makerCommission,
        BigDecimal takerCommission,
        CommissionAsset commissionAsset,
        BigDecimal slippage,
        boolean canTrade,
        boolean canWithdraw) {

    /** Binance without BNB fee discount charges the asset received; QUOTE charges the quote asset always. */
    public enum CommissionAsset {
        /** BUY pays in the base asset, SELL in the quote asset (Binance's behaviour without BNB). */
        RECEIVED,
        /** Both sides pay in the quote asset (a BUY's commission comes on top of its cost). */
        QUOTE
    }

    /** The documented default key pair; any value works as long as the client uses the same one. */
    public static final String DEFAULT_API_KEY = "peregrineSimulatorApiKey0000000000000000000000000000000000000000";

    public static final String DEFAULT_SECRET_KEY = "peregrineSimulatorSecretKey000000000000000000000000000000000000";

    public TradingConfig {
        requireText(apiKey, "apiKey");
        if (!apiKey.matches("[A-Za-z0-9]{1,128}")) {
            throw new IllegalArgumentException("an API key is letters and digits only (Binance's format), "
                    + "or the simulator refuses it with -2014");
        }
        requireText(secretKey, "secretKey");
        balances = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(balances, "balances")));
        balances.forEach((asset, amount) -> {
            if (amount.signum() < 0) {
                throw new IllegalArgumentException(
                        "the starting balance of " + asset + " cannot be negative: " + amount);
            }
        });
        requireRate(makerCommission, "makerCommission");
        requireRate(takerCommission, "takerCommission");
        requireRate(slippage, "slippage");
        Objects.requireNonNull(commissionAsset, "commissionAsset");
    }

    /** The default key pair, no balances, 0.1 % maker and taker commission in the asset received, no slippage. */
    public static TradingConfig defaults() {
        BigDecimal tenthOfAPercent = new BigDecimal("0.001");
        return new TradingConfig(
                DEFAULT_API_KEY,
                DEFAULT_SECRET_KEY,
                Map.of(),
                tenthOfAPercent,
                tenthOfAPercent,
                CommissionAsset.RECEIVED,
                BigDecimal.ZERO,
                true,
                false);
    }

    public TradingConfig withKeys(String newApiKey, String newSecretKey) {
        return new TradingConfig(
                newApiKey,
                newSecretKey,
                balances,
                makerCommission,
                takerCommission,
                commissionAsset,
                slippage,
                canTrade,
                canWithdraw);
    }

    public TradingConfig withBalance(String asset, String amount) {
        Map<String, BigDecimal> more = new LinkedHashMap<>(balances);
        more.put(requireText(asset, "asset"), new BigDecimal(amount));
        return new TradingConfig(
                apiKey,
                secretKey,
                more,
                makerCommission,
                takerCommission,
                commissionAsset,
                slippage,
                canTrade,
                canWithdraw);
    }

    public TradingConfig withCommission(String maker, String taker, CommissionAsset asset) {
        return new TradingConfig(
                apiKey,
                secretKey,
                balances,
                new BigDecimal(maker),
                new BigDecimal(taker),
                asset,
                slippage,
                canTrade,
                canWithdraw);
    }

    public TradingConfig withSlippage(String fraction) {
        return new TradingConfig(
                apiKey,
                secretKey,
                balances,
                makerCommission,
                takerCommission,
                commissionAsset,
                new BigDecimal(fraction),
                canTrade,
                canWithdraw);
    }

    public TradingConfig withPermissions(boolean trade, boolean withdraw) {
        return new TradingConfig(
                apiKey,
                secretKey,
                balances,
                makerCommission,
                takerCommission,
                commissionAsset,
                slippage,
                trade,
                withdraw);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    private static void requireRate(BigDecimal rate, String name) {
        Objects.requireNonNull(rate, name);
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(name + " must be a fraction in [0, 1), was " + rate);
        }
    }
}
