package dev.peregrine.signal.domain.consensus;

import dev.peregrine.signal.domain.analyst.Stance;
import java.util.List;
import java.util.Objects;

/**
 * Weighs the bull case against the bear case:
 * <pre>
 *   netConviction = |bull.score - bear.score| * (1 - consensus.conflictPenalty)        0..1
 *   decision      = HOLD  if the consensus direction is NEUTRAL (too few agreeing analysts, no voter, a tie)
 *                   HOLD  if netConviction &lt; convictionThreshold
 *                   HOLD  if the stronger case is not the consensus direction (inputs from different panels)
 *                   else  the stronger side (BULLISH or BEARISH)
 * </pre>
 * So the verdict never contradicts the consensus, and a contested panel needs a wider margin to rule.
 * Stateless and thread-safe.
 */
public final class Arbiter {

    private final ArbiterConfig config;

    public Arbiter(ArbiterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static Arbiter withDefaults() {
        return new Arbiter(ArbiterConfig.defaults());
    }

    public ArbiterConfig config() {
        return config;
    }

    public Verdict judge(Debate debate, ConsensusResult consensus) {
        Objects.requireNonNull(debate, "debate");
        Objects.requireNonNull(consensus, "consensus");
        double bull = debate.bull().score();
        double bear = debate.bear().score();
        double penalty = consensus.conflictPenalty();
        double conviction = Math.max(0.0, Math.min(1.0, Math.abs(bull - bear) * (1.0 - penalty)));
        Stance stronger = bull > bear ? Stance.BULLISH : bear > bull ? Stance.BEARISH : Stance.NEUTRAL;

        Verdict.Decision decision;
        String ruling;
        if (consensus.direction() == Stance.NEUTRAL) {
            decision = Verdict.Decision.HOLD;
            ruling = "the consensus has no direction: HOLD";
        } else if (conviction < config.convictionThreshold()) {
            decision = Verdict.Decision.HOLD;
            ruling = "below the threshold " + Consensus.num(config.convictionThreshold()) + ": HOLD";
        } else if (stronger != consensus.direction()) {
            decision = Verdict.Decision.HOLD;
            ruling = "the stronger case is not the consensus direction " + consensus.direction() + ": HOLD";
        } else {
            decision = stronger == Stance.BULLISH ? Verdict.Decision.BULLISH : Verdict.Decision.BEARISH;
            ruling = "at least the threshold " + Consensus.num(config.convictionThreshold()) + ": " + decision;
        }
        String rationale = "bull " + Consensus.num(bull)
                + advocates(debate.bull().advocates())
                + " vs bear " + Consensus.num(bear) + advocates(debate.bear().advocates())
                + "; |net| " + Consensus.num(Math.abs(bull - bear)) + " x (1 - conflict penalty "
                + Consensus.num(penalty)
                + ") = conviction " + Consensus.num(conviction) + ", " + ruling;
        return new Verdict(decision, conviction, rationale);
    }

    private static String advocates(List<Advocate> advocates) {
        if (advocates.isEmpty()) {
            return " (nobody)";
        }
        StringBuilder text = new StringBuilder(" (");
        for (int i = 0; i < advocates.size(); i++) {
            Advocate advocate = advocates.get(i);
            text.append(i == 0 ? "" : ", ")
                    .append(advocate.analystId())
                    .append(' ')
                    .append(Consensus.num(advocate.contribution()));
        }
        return text.append(')').toString();
    }
}
