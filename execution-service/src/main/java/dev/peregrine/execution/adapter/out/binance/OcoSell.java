package dev.peregrine.execution.adapter.out.binance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SELL OCO order list protecting a long position ({@code POST /api/v3/orderList/oco}): the above order a
 * LIMIT_MAKER take-profit at {@code takeProfitPrice}, the below order a STOP_LOSS (a stop-market) triggered at
 * {@code stopPrice}, both for {@code quantity}. Every order and the list are named by the caller, so an answer that
 * was lost is found again by name. Decimals are sent as given (plain strings); rounding to the symbol's filters is
 * the caller's job.
 */
public record OcoSell(
        String symbol,
        BigDecimal quantity,
        BigDecimal takeProfitPrice,
        BigDecimal stopPrice,
        String takeProfitClientOrderId,
        String stopClientOrderId,
        String listClientOrderId) {

    /** Binance's rule for client order ids and list client order ids. */
    private static final Pattern CLIENT_ID = Pattern.compile("^[a-zA-Z0-9-_]{1,36}$");

    public OcoSell {
        Objects.requireNonNull(symbol, "symbol");
        for (BigDecimal value : new BigDecimal[] {quantity, takeProfitPrice, stopPrice}) {
            if (value == null || value.signum() <= 0) {
                throw new IllegalArgumentException("quantity, takeProfitPrice and stopPrice must be positive: "
                        + quantity + ", " + takeProfitPrice + ", " + stopPrice);
            }
        }
        if (takeProfitPrice.compareTo(stopPrice) <= 0) {
            throw new IllegalArgumentException("the take-profit " + takeProfitPrice.toPlainString()
                    + " must be above the stop " + stopPrice.toPlainString());
        }
        for (String id : new String[] {takeProfitClientOrderId, stopClientOrderId, listClientOrderId}) {
            if (id == null || !CLIENT_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("client ids must match " + CLIENT_ID + ": " + id);
            }
        }
    }

    /** The request parameters, without timestamp and recvWindow; the order reports come in the FULL form. */
    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("symbol", symbol);
        parameters.put("listClientOrderId", listClientOrderId);
        parameters.put("side", OrderSide.SELL.name());
        parameters.put("quantity", quantity.toPlainString());
        parameters.put("aboveType", VenueOrderType.LIMIT_MAKER.name());
        parameters.put("aboveClientOrderId", takeProfitClientOrderId);
        parameters.put("abovePrice", takeProfitPrice.toPlainString());
        parameters.put("belowType", VenueOrderType.STOP_LOSS.name());
        parameters.put("belowClientOrderId", stopClientOrderId);
        parameters.put("belowStopPrice", stopPrice.toPlainString());
        parameters.put("newOrderRespType", "FULL");
        return parameters;
    }
}
