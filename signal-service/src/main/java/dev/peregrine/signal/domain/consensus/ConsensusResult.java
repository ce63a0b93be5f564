package dev.peregrine.signal.domain.consensus;

import dev.peregrine.common.event.Reason;
import dev.peregrine.signal.domain.analyst.Stance;
import java.util.List;
import java.util.Objects;

/**
 * The panel's weighted view of one candle (see {@link Consensus} for the formulas). Plain data.
 *
 * @param direction       the leading side when at least {@code minAgreeing} analysts are on it, else NEUTRAL
 * @param netScore        bullScore - bearScore, -1..1; its sign is the leading side even when the direction
 *                        is NEUTRAL for lack of agreeing analysts
 * @param bullScore       0-1: sum of weight x confidence over the BULLISH voters / activeWeight
 * @param bearScore       0-1: the same over the BEARISH voters
 * @param agreement       0-1: weight of the voters on the leading side / activeWeight (0 when no side leads)
 * @param agreeingCount   voters on the leading side (0 when no side leads)
 * @param opposingCount   voters on the other directional side (0 when no side leads)
 * @param conflict        both scores reached the conflict threshold
 * @param conflictPenalty 0-1, 0 without conflict
 * @param activeWeight    sum of the voters' weights, NEUTRAL voters included
 * @param activeCount     voters: members neither paused nor weighted 0
 * @param pausedCount     paused members, left out
 */
public record ConsensusResult(
        Stance direction,
        double netScore,
        double bullScore,
        double bearScore,
        double agreement,
        int agreeingCount,
        int opposingCount,
        boolean conflict,
        double conflictPenalty,
        double activeWeight,
        int activeCount,
        int pausedCount,
        List<Reason> reasons) {

    public ConsensusResult {
        Objects.requireNonNull(direction, "direction");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }

    /** The side the net score leans to, NEUTRAL when it is exactly 0. */
    public Stance leadingSide() {
        return netScore > 0.0 ? Stance.BULLISH : netScore < 0.0 ? Stance.BEARISH : Stance.NEUTRAL;
    }

    /** The net score taken in {@code side}'s direction when the consensus points that way, else 0. */
    public double supportFor(Stance side) {
        if (side == Stance.NEUTRAL || direction != side) {
            return 0.0;
        }
        return Math.abs(netScore);
    }

    /** The agreement when {@code side} leads on the net score (whatever the agreeing count), else 0. */
    public double agreementWith(Stance side) {
        return side != Stance.NEUTRAL && leadingSide() == side ? agreement : 0.0;
    }
}
