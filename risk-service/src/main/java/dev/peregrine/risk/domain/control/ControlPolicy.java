package dev.peregrine.risk.domain.control;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * When the controls act.
 *
 * @param warningLoss        daily loss (fraction of equity at 00:00 UTC) at which the breaker goes REDUCING
 * @param haltLoss           daily loss at which it HALTS new entries (e.g. 0.02)
 * @param reducingSizeFactor sizes are multiplied by this while REDUCING (0..1)
 * @param cooldown           how long a halt lasts; null = until the next 00:00 UTC
 * @param flattenOnHalt      whether a halt also closes every position
 * @param maxDrawdown        drawdown from peak equity that halts entries until an operator resets it
 * @param capitalRamp        the ramp until an operator sets one ({@link CapitalRamp#OFF} for paper trading)
 */
public record ControlPolicy(
        BigDecimal warningLoss,
        BigDecimal haltLoss,
        BigDecimal reducingSizeFactor,
        Duration cooldown,
        boolean flattenOnHalt,
        BigDecimal maxDrawdown,
        CapitalRamp capitalRamp) {

    /** Without a capital ramp. */
    public ControlPolicy(
            BigDecimal warningLoss,
            BigDecimal haltLoss,
            BigDecimal reducingSizeFactor,
            Duration cooldown,
            boolean flattenOnHalt,
            BigDecimal maxDrawdown) {
        this(warningLoss, haltLoss, reducingSizeFactor, cooldown, flattenOnHalt, maxDrawdown, CapitalRamp.OFF);
    }

    public ControlPolicy {
        Objects.requireNonNull(capitalRamp, "capitalRamp");
        Objects.requireNonNull(warningLoss, "warningLoss");
        Objects.requireNonNull(haltLoss, "haltLoss");
        Objects.requireNonNull(reducingSizeFactor, "reducingSizeFactor");
        Objects.requireNonNull(maxDrawdown, "maxDrawdown");
        if (warningLoss.signum() <= 0 || warningLoss.compareTo(haltLoss) > 0) {
            throw new IllegalArgumentException("the warning loss must be above 0 and at most the halt loss");
        }
        if (reducingSizeFactor.signum() <= 0 || reducingSizeFactor.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the reducing size factor must be within (0, 1]");
        }
        if (cooldown != null && (cooldown.isNegative() || cooldown.isZero())) {
            throw new IllegalArgumentException("a cooldown must be positive, or unset for 'until the next UTC day'");
        }
    }
}
