package dev.peregrine.risk.domain.control;

import dev.peregrine.common.event.Reason;
import dev.peregrine.risk.domain.portfolio.Money18;
import dev.peregrine.risk.domain.portfolio.Valuation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The three controls over new entries, as explicit state machines:
 * <ul>
 *   <li>daily-loss breaker ACTIVE → REDUCING (warning loss) → HALTED (halt loss); a halt ends by itself after its
 *       cooldown (default: at the next 00:00 UTC) or earlier by an operator's reset; REDUCING returns to ACTIVE when
 *       the loss is back under the warning level;</li>
 *   <li>drawdown limit ACTIVE → HALTED when equity falls {@code maxDrawdown} below its peak, until an operator
 *       resets it (the peak is then rebased to equity now);</li>
 *   <li>kill switch OFF → ON by an operator (flattens everything, blocks entries) until released.</li>
 * </ul>
 * Daily loss is measured against equity at 00:00 UTC, or against equity at an operator's reset later that day (so a
 * reset does not re-trip at once on the same loss). Exits are always allowed. Time is market time (candle closes),
 * so a replay of the same events makes the same transitions.
 */
public final class RiskControls {

    private final ControlPolicy policy;
    private BreakerState breaker;
    private Instant haltedUntil;
    private BigDecimal resetBaseline;
    private LocalDate resetDay;
    private boolean drawdownHalted;
    private boolean killSwitch;
    private String killSwitchReason;
    private Instant killSwitchSince;
    private CapitalRamp capitalRamp;

    public RiskControls(ControlPolicy policy, ControlsSnapshot snapshot) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.breaker = snapshot.breaker();
        this.haltedUntil = snapshot.haltedUntil();
        this.resetBaseline = snapshot.resetBaseline();
        this.resetDay = snapshot.resetDay();
        this.drawdownHalted = snapshot.drawdownHalted();
        this.killSwitch = snapshot.killSwitch();
        this.killSwitchReason = snapshot.killSwitchReason();
        this.killSwitchSince = snapshot.killSwitchSince();
        this.capitalRamp = snapshot.capitalRamp();
    }

    public ControlPolicy policy() {
        return policy;
    }

    public BreakerState breaker() {
        return breaker;
    }

    public boolean drawdownHalted() {
        return drawdownHalted;
    }

    public boolean killSwitch() {
        return killSwitch;
    }

    public Optional<Instant> haltedUntil() {
        return Optional.ofNullable(haltedUntil);
    }

    /** Why no new entry may be sent now; empty when entries are allowed. */
    public List<Reason> entryBlocks() {
        List<Reason> blocks = new ArrayList<>();
        if (killSwitch) {
            blocks.add(Reason.of(
                    "KILL_SWITCH", "the kill switch is on since " + killSwitchSince + ": " + killSwitchReason));
        }
        if (breaker == BreakerState.HALTED) {
            blocks.add(Reason.of(
                    "DAILY_LOSS_HALTED",
                    "the daily-loss breaker is HALTED until " + haltedUntil + " (or an operator's reset)"));
        }
        if (drawdownHalted) {
            blocks.add(Reason.of(
                    "DRAWDOWN_HALTED",
                    "the drawdown limit of " + Money18.trim(policy.maxDrawdown())
                            + " from peak equity was reached; an operator must reset it"));
        }
        return blocks;
    }

    /** Sizes are scaled by this: the reducing factor while REDUCING, else 1. */
    public BigDecimal sizeFactor() {
        return breaker == BreakerState.REDUCING ? policy.reducingSizeFactor() : BigDecimal.ONE;
    }

    /** Daily loss as a fraction of the day's baseline (equity at 00:00 UTC, or at a reset later that day). */
    public BigDecimal dailyLoss(Valuation valuation, Instant at) {
        BigDecimal baseline = baseline(valuation, at);
        if (baseline.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal loss = baseline.subtract(valuation.equity());
        return loss.signum() <= 0 ? BigDecimal.ZERO : Money18.divide(loss, baseline);
    }

    private BigDecimal baseline(Valuation valuation, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return resetBaseline != null && today.equals(resetDay) ? resetBaseline : valuation.dayStartEquity();
    }

    /** The automatic transitions the account's value at market time {@code at} causes (none, usually). */
    public List<ControlTransition> observe(Valuation valuation, Instant at) {
        List<ControlTransition> transitions = new ArrayList<>();
        if (breaker == BreakerState.HALTED && haltedUntil != null && !at.isBefore(haltedUntil)) {
            transitions.add(moveBreaker(
                    BreakerState.ACTIVE,
                    ControlTransition.SYSTEM,
                    Reason.of("COOLDOWN_ELAPSED", "the halt's cooldown ended at " + haltedUntil),
                    valuation,
                    at,
                    false));
            haltedUntil = null;
        }
        BigDecimal loss = dailyLoss(valuation, at);
        String lossText = "daily loss " + Money18.shown(loss.multiply(BigDecimal.valueOf(100)))
                + "% of equity at the day's" + " baseline " + Money18.shown(baseline(valuation, at));
        if (breaker != BreakerState.HALTED && loss.compareTo(policy.haltLoss()) >= 0) {
            haltedUntil = policy.cooldown() == null
                    ? LocalDate.ofInstant(at, ZoneOffset.UTC)
                            .plusDays(1)
                            .atStartOfDay()
                            .toInstant(ZoneOffset.UTC)
                    : at.plus(policy.cooldown());
            transitions.add(moveBreaker(
                    BreakerState.HALTED,
                    ControlTransition.SYSTEM,
                    Reason.of(
                            "DAILY_LOSS_LIMIT",
                            lossText + " reached the halt level " + pct(policy.haltLoss()) + "; entries halted until "
                                    + haltedUntil),
                    valuation,
                    at,
                    policy.flattenOnHalt()));
        } else if (breaker == BreakerState.ACTIVE && loss.compareTo(policy.warningLoss()) >= 0) {
            transitions.add(moveBreaker(
                    BreakerState.REDUCING,
                    ControlTransition.SYSTEM,
                    Reason.of(
                            "DAILY_LOSS_WARNING",
                            lossText + " reached the warning level " + pct(policy.warningLoss()) + "; sizes x "
                                    + Money18.trim(policy.reducingSizeFactor())),
                    valuation,
                    at,
                    false));
        } else if (breaker == BreakerState.REDUCING && loss.compareTo(policy.warningLoss()) < 0) {
            transitions.add(moveBreaker(
                    BreakerState.ACTIVE,
                    ControlTransition.SYSTEM,
                    Reason.of(
                            "DAILY_LOSS_RECOVERED",
                            lossText + " is back under the warning level " + pct(policy.warningLoss())),
                    valuation,
                    at,
                    false));
        }
        if (!drawdownHalted && valuation.drawdown().compareTo(policy.maxDrawdown()) >= 0) {
            drawdownHalted = true;
            transitions.add(transition(
                    ControlTransition.DRAWDOWN_LIMIT,
                    "ACTIVE",
                    "HALTED",
                    ControlTransition.SYSTEM,
                    Reason.of(
                            "DRAWDOWN_LIMIT",
                            "equity " + Money18.shown(valuation.equity()) + " is "
                                    + pct(valuation.drawdown()) + " below its peak "
                                    + Money18.shown(valuation.highWaterMark())
                                    + "; limit " + pct(policy.maxDrawdown())),
                    valuation,
                    at,
                    false));
        }
        return transitions;
    }

    /** An operator ends a breaker halt or reduction and a drawdown halt early. Empty when nothing was tripped. */
    public List<ControlTransition> reset(String actor, String why, Valuation valuation, Instant at) {
        List<ControlTransition> transitions = new ArrayList<>();
        Reason reason = Reason.of("OPERATOR_RESET", why);
        if (breaker != BreakerState.ACTIVE) {
            transitions.add(moveBreaker(BreakerState.ACTIVE, actor, reason, valuation, at, false));
            haltedUntil = null;
            resetBaseline = valuation.equity();
            resetDay = LocalDate.ofInstant(at, ZoneOffset.UTC);
        }
        if (drawdownHalted) {
            drawdownHalted = false;
            transitions.add(transition(
                    ControlTransition.DRAWDOWN_LIMIT, "HALTED", "ACTIVE", actor, reason, valuation, at, false));
        }
        return transitions;
    }

    public Optional<ControlTransition> engageKillSwitch(String actor, String why, Valuation valuation, Instant at) {
        if (killSwitch) {
            return Optional.empty();
        }
        killSwitch = true;
        killSwitchReason = why;
        killSwitchSince = at;
        return Optional.of(transition(
                ControlTransition.KILL_SWITCH, "OFF", "ON", actor, Reason.of("KILL_SWITCH", why), valuation, at, true));
    }

    public Optional<ControlTransition> releaseKillSwitch(String actor, String why, Valuation valuation, Instant at) {
        if (!killSwitch) {
            return Optional.empty();
        }
        killSwitch = false;
        killSwitchReason = null;
        killSwitchSince = null;
        return Optional.of(transition(
                ControlTransition.KILL_SWITCH,
                "ON",
                "OFF",
                actor,
                Reason.of("KILL_SWITCH_RELEASED", why),
                valuation,
                at,
                false));
    }

    public ControlsSnapshot snapshot() {
        return new ControlsSnapshot(
                breaker,
                haltedUntil,
                resetBaseline,
                resetDay,
                drawdownHalted,
                killSwitch,
                killSwitchReason,
                killSwitchSince,
                capitalRamp);
    }

    /** The ramp an operator set last, or the policy's until one did. */
    public CapitalRamp capitalRamp() {
        return capitalRamp == null ? policy.capitalRamp() : capitalRamp;
    }

    /** An operator sets the capital ramp (raises it, lowers it, or turns it off). Empty when nothing changes. */
    public Optional<ControlTransition> setCapitalRamp(
            CapitalRamp next, String actor, String why, Valuation valuation, Instant at) {
        Objects.requireNonNull(next, "next");
        CapitalRamp current = capitalRamp();
        if (current.equals(next)) {
            return Optional.empty();
        }
        capitalRamp = next;
        return Optional.of(transition(
                ControlTransition.CAPITAL_RAMP,
                current.describe(),
                next.describe(),
                actor,
                Reason.of("CAPITAL_RAMP_SET", why),
                valuation,
                at,
                false));
    }

    private ControlTransition moveBreaker(
            BreakerState to, String actor, Reason reason, Valuation valuation, Instant at, boolean flatten) {
        BreakerState from = breaker;
        breaker = to;
        return transition(
                ControlTransition.DAILY_LOSS_BREAKER, from.name(), to.name(), actor, reason, valuation, at, flatten);
    }

    private static ControlTransition transition(
            String control,
            String from,
            String to,
            String actor,
            Reason reason,
            Valuation valuation,
            Instant at,
            boolean flatten) {
        return new ControlTransition(
                control,
                from,
                to,
                actor,
                reason,
                valuation.equity(),
                valuation.dailyPnl(),
                valuation.drawdown(),
                at,
                flatten);
    }

    private static String pct(BigDecimal fraction) {
        return Money18.trim(Money18.shown(fraction.multiply(BigDecimal.valueOf(100)))) + "%";
    }
}
