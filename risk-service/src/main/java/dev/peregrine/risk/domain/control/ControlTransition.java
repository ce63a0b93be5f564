package dev.peregrine.risk.domain.control;

import dev.peregrine.common.event.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of a risk control, with who, why and the numbers at that moment; persisted, published and alerted.
 *
 * @param control  DAILY_LOSS_BREAKER, DRAWDOWN_LIMIT, KILL_SWITCH or CAPITAL_RAMP
 * @param flatten  whether every position must now be closed
 */
public record ControlTransition(
        String control,
        String from,
        String to,
        String actor,
        Reason reason,
        BigDecimal equity,
        BigDecimal dailyPnl,
        BigDecimal drawdown,
        Instant at,
        boolean flatten) {

    public static final String DAILY_LOSS_BREAKER = "DAILY_LOSS_BREAKER";
    public static final String DRAWDOWN_LIMIT = "DRAWDOWN_LIMIT";
    public static final String KILL_SWITCH = "KILL_SWITCH";
    public static final String CAPITAL_RAMP = "CAPITAL_RAMP";
    public static final String SYSTEM = "system";

    public ControlTransition {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(dailyPnl, "dailyPnl");
        Objects.requireNonNull(drawdown, "drawdown");
        Objects.requireNonNull(at, "at");
    }
}
