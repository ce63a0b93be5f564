package dev.peregrine.backtest.engine;

import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One order as execution-service keeps it ({@code execution.orders}) at the end of the run.
 *
 * @param clientOrderId the services' id: derived from the decision (entries, exits) or the entry (protective legs)
 * @param state         FILLED, CANCELED, REJECTED, or ACCEPTED for one still working at the end
 * @param reasonCode    why it was rejected or canceled (e.g. NOTHING_HELD, OCO_OTHER_LEG_FILLED), else null
 * @param limitLevel    the stop of a STOP leg, the take-profit of a TAKE_PROFIT leg, else null
 * @param notBefore     it may execute only on candles after (market orders) or from (legs) this instant
 * @param settledAt     the market instant it filled, was refused, or was canceled by its other leg; else null
 */
public record OrderRecord(
        String clientOrderId,
        UUID intentId,
        String strategyId,
        Symbol symbol,
        Side side,
        OrderRole role,
        BigDecimal quantity,
        BigDecimal limitLevel,
        String state,
        String reasonCode,
        Instant notBefore,
        Instant settledAt) {

    public OrderRecord {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(state, "state");
    }
}
