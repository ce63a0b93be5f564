package dev.peregrine.execution.adapter.out.binance;

/**
 * What the API key may do ({@code GET /sapi/v1/account/apiRestrictions}). A trading key should trade spot, not
 * withdraw, and be restricted to known IPs.
 */
public record ApiRestrictions(
        boolean ipRestrict,
        boolean enableReading,
        boolean enableSpotAndMarginTrading,
        boolean enableWithdrawals,
        boolean enableInternalTransfer,
        boolean permitsUniversalTransfer,
        boolean enableMargin,
        boolean enableFutures) {}
