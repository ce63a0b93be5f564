package dev.peregrine.signal.domain.consensus;

import dev.peregrine.common.event.Reason;
import dev.peregrine.signal.domain.analyst.Stance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Weighted aggregation of the panel's opinions on one candle.
 *
 * <p>Voters are the members that are not paused and weigh more than 0; with {@code w} a voter's effective
 * weight, {@code c} its confidence and {@code W} the sum of the voters' weights (NEUTRAL voters included, so
 * an analyst with nothing to say dilutes the others):
 * <pre>
 *   bullScore  = sum(w * c over BULLISH voters) / W                        0..1
 *   bearScore  = sum(w * c over BEARISH voters) / W                        0..1
 *   netScore   = bullScore - bearScore                                     -1..1
 *   leading    = BULLISH if netScore &gt; 0, BEARISH if &lt; 0, else none
 *   agreement  = sum(w over voters on the leading side) / W                0..1 (0 if none leads)
 *   direction  = leading if (voters on the leading side) &gt;= minAgreeing, else NEUTRAL
 *   conflict   = min(bullScore, bearScore) &gt;= conflictThreshold
 *   penalty    = conflict ? maxConflictPenalty * min(bull, bear) / max(bull, bear) : 0
 * </pre>
 * The scores are the design's {@code sum(w * conf)} divided by {@code W}, so that the conflict threshold
 * means the same whatever the panel's size and weights, and {@code netScore} is exactly
 * {@code (bull - bear) / W}. The penalty grows as the two strong sides get closer to even. With no voter
 * at all every number is 0 and the direction NEUTRAL. Sums run in the members' order, so the same panel
 * in the same order gives bit-identical results. Stateless and thread-safe.
 *
 * <p>Reasons: {@code CONSENSUS_BULLISH} / {@code CONSENSUS_BEARISH}, {@code TOO_FEW_AGREEING},
 * {@code NO_NET_DIRECTION}, {@code NO_ACTIVE_ANALYSTS}, {@code CONFLICT}, {@code PAUSED_EXCLUDED}.
 */
public final class Consensus {

    private final ConsensusConfig config;

    public Consensus(ConsensusConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static Consensus withDefaults() {
        return new Consensus(ConsensusConfig.defaults());
    }

    public ConsensusConfig config() {
        return config;
    }

    public ConsensusResult compute(List<PanelMember> members) {
        requireDistinctAnalysts(members);
        double activeWeight = 0;
        double bullSum = 0;
        double bearSum = 0;
        double bullWeight = 0;
        double bearWeight = 0;
        int bullCount = 0;
        int bearCount = 0;
        int activeCount = 0;
        int pausedCount = 0;
        for (int i = 0; i < members.size(); i++) {
            PanelMember member = members.get(i);
            if (member.paused()) {
                pausedCount++;
            }
            if (!member.votes()) {
                continue;
            }
            double w = member.weight();
            activeCount++;
            activeWeight += w;
            switch (member.opinion().stance()) {
                case BULLISH -> {
                    bullSum += w * member.opinion().confidence();
                    bullWeight += w;
                    bullCount++;
                }
                case BEARISH -> {
                    bearSum += w * member.opinion().confidence();
                    bearWeight += w;
                    bearCount++;
                }
                case NEUTRAL -> {}
            }
        }
        List<Reason> reasons = new ArrayList<>(3);
        if (pausedCount > 0) {
            reasons.add(Reason.of("PAUSED_EXCLUDED", "left out, paused: " + analysts(members, null, true)));
        }
        if (!(activeWeight > 0.0)) {
            reasons.add(Reason.of("NO_ACTIVE_ANALYSTS", "no analyst is active with a weight above 0"));
            return new ConsensusResult(Stance.NEUTRAL, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, pausedCount, reasons);
        }
        double bull = Math.min(1.0, bullSum / activeWeight);
        double bear = Math.min(1.0, bearSum / activeWeight);
        double net = bull - bear;
        Stance leading = net > 0.0 ? Stance.BULLISH : net < 0.0 ? Stance.BEARISH : Stance.NEUTRAL;
        double agreement = switch (leading) {
            case BULLISH -> Math.min(1.0, bullWeight / activeWeight);
            case BEARISH -> Math.min(1.0, bearWeight / activeWeight);
            case NEUTRAL -> 0.0;
        };
        int agreeing = leading == Stance.BULLISH ? bullCount : leading == Stance.BEARISH ? bearCount : 0;
        int opposing = leading == Stance.BULLISH ? bearCount : leading == Stance.BEARISH ? bullCount : 0;
        boolean conflict = Math.min(bull, bear) >= config.conflictThreshold();
        double penalty = conflict ? config.maxConflictPenalty() * Math.min(bull, bear) / Math.max(bull, bear) : 0.0;
        Stance direction = leading != Stance.NEUTRAL && agreeing >= config.minAgreeing() ? leading : Stance.NEUTRAL;

        if (leading == Stance.NEUTRAL) {
            reasons.add(Reason.of(
                    "NO_NET_DIRECTION",
                    "bull " + num(bull) + " equals bear " + num(bear) + " (" + bullCount + " bullish, " + bearCount
                            + " bearish)"));
        } else if (direction == Stance.NEUTRAL) {
            reasons.add(Reason.of(
                    "TOO_FEW_AGREEING",
                    leading + " leads by " + num(Math.abs(net)) + " but only " + agreeing + " analyst(s) agree ("
                            + analysts(members, leading, false) + "), " + config.minAgreeing() + " needed"));
        } else {
            reasons.add(Reason.of(
                    "CONSENSUS_" + direction,
                    "net " + num(net) + ", agreement " + num(agreement) + ": " + agreeing + " agreeing ("
                            + analysts(members, direction, false) + "), " + opposing + " opposing"));
        }
        if (conflict) {
            reasons.add(Reason.of(
                    "CONFLICT",
                    "bull " + num(bull) + " and bear " + num(bear) + " both >= " + num(config.conflictThreshold())
                            + ": penalty " + num(penalty)));
        }
        return new ConsensusResult(
                direction,
                net,
                bull,
                bear,
                agreement,
                agreeing,
                opposing,
                conflict,
                penalty,
                activeWeight,
                activeCount,
                pausedCount,
                reasons);
    }

    /** Each analyst speaks once per candle; a second opinion would double its weight. */
    static void requireDistinctAnalysts(List<PanelMember> members) {
        Objects.requireNonNull(members, "members");
        for (int i = 0; i < members.size(); i++) {
            String id = Objects.requireNonNull(members.get(i), "member").analystId();
            for (int j = 0; j < i; j++) {
                if (members.get(j).analystId().equals(id)) {
                    throw new IllegalArgumentException("analyst " + id + " appears twice in the panel");
                }
            }
        }
    }

    /** Ids of the voters on {@code side}, or of the paused members. */
    private static String analysts(List<PanelMember> members, Stance side, boolean paused) {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < members.size(); i++) {
            PanelMember member = members.get(i);
            boolean listed = paused
                    ? member.paused()
                    : member.votes() && member.opinion().stance() == side;
            if (listed) {
                ids.append(ids.isEmpty() ? "" : ", ").append(member.analystId());
            }
        }
        return ids.toString();
    }

    static String num(double value) {
        return ThreeDecimals.of(value);
    }
}
