package dev.peregrine.common.event;

import dev.peregrine.common.value.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A risk control changed state: the daily-loss breaker (ACTIVE, REDUCING, HALTED), the drawdown limit
 * (ACTIVE, HALTED), the kill switch (OFF, ON) or the capital ramp (its caps in words, e.g. {@code order <= 50,
 * total <= 200}, or {@code off}). Who did it, why, and the numbers at that moment.
 *
 * @param control  DAILY_LOSS_BREAKER, DRAWDOWN_LIMIT, KILL_SWITCH or CAPITAL_RAMP
 * @param actor    {@code system} for automatic transitions, else the operator's role or name
 * @param dailyPnl daily P&L at the transition
 * @param drawdown drawdown from the high-water mark at the transition, 0..1
 */
public record RiskControlChanged(
        Envelope envelope,
        String control,
        String from,
        String to,
        String actor,
        Reason reason,
        Money equity,
        Money dailyPnl,
        BigDecimal drawdown)
        implements PortfolioEvent {

    public RiskControlChanged {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(dailyPnl, "dailyPnl");
        Objects.requireNonNull(drawdown, "drawdown");
    }

    @Override
    public String key() {
        return ACCOUNT_KEY;
    }
}
