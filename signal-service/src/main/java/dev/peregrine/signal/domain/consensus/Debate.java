package dev.peregrine.signal.domain.consensus;

import dev.peregrine.signal.domain.analyst.Argument;
import dev.peregrine.signal.domain.analyst.Arguments;
import dev.peregrine.signal.domain.analyst.Stance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The bull case and the bear case of one candle, assembled from the voters' opinions (the same voters as
 * the consensus: not paused, weight above 0; NEUTRAL voters argue neither side). Each advocate's
 * contribution is {@code w * c / W} with {@code W} the voters' total weight, so a case's score equals the
 * consensus score of its side. Advocates are listed strongest first (contribution, then analyst id).
 *
 * <p>Arguments go to the case they lean to ({@link Arguments#lean}: {@code BULL_} evidence to the bull case,
 * {@code BEAR_} evidence to the bear case), whatever the stance of the analyst who made them: a BULLISH
 * momentum opinion's {@code BEAR_WEAK_TREND} is a point for the bear case. Context arguments (no prefix) stay in
 * the case of their analyst's stance. Each is attributed to its analyst ({@link AttributedArgument}). A case
 * lists its own advocates' arguments first (advocate order, then the analyst's own order), then the points the
 * other side's advocates conceded to it (in that side's advocate order). Conceded points do not move the
 * scores: a case's score is its advocates' weighted confidence, as in the consensus.
 */
public record Debate(BullCase bull, BearCase bear) {

    private static final Comparator<PanelMember> STRONGEST_FIRST = Comparator.comparingDouble(
                    (PanelMember m) -> m.weight() * m.opinion().confidence())
            .reversed()
            .thenComparing(PanelMember::analystId);

    public Debate {
        Objects.requireNonNull(bull, "bull");
        Objects.requireNonNull(bear, "bear");
    }

    public static Debate between(List<PanelMember> members) {
        Consensus.requireDistinctAnalysts(members);
        double activeWeight = 0;
        double bullSum = 0;
        double bearSum = 0;
        List<PanelMember> bulls = new ArrayList<>(members.size());
        List<PanelMember> bears = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            PanelMember member = members.get(i);
            if (!member.votes()) {
                continue;
            }
            activeWeight += member.weight();
            // Summed in the members' order, as Consensus does, so both give bit-identical scores.
            if (member.opinion().stance() == Stance.BULLISH) {
                bulls.add(member);
                bullSum += member.weight() * member.opinion().confidence();
            } else if (member.opinion().stance() == Stance.BEARISH) {
                bears.add(member);
                bearSum += member.weight() * member.opinion().confidence();
            }
        }
        double bullScore = activeWeight > 0.0 ? Math.min(1.0, bullSum / activeWeight) : 0.0;
        double bearScore = activeWeight > 0.0 ? Math.min(1.0, bearSum / activeWeight) : 0.0;
        bulls.sort(STRONGEST_FIRST);
        bears.sort(STRONGEST_FIRST);
        List<Advocate> bullAdvocates = advocates(bulls, activeWeight);
        List<Advocate> bearAdvocates = advocates(bears, activeWeight);
        List<AttributedArgument> bullArguments = new ArrayList<>();
        List<AttributedArgument> bearArguments = new ArrayList<>();
        collect(bulls, activeWeight, Stance.BULLISH, bullArguments, bearArguments);
        collect(bears, activeWeight, Stance.BEARISH, bearArguments, bullArguments);
        // Each case: its own advocates' points first, then what the other side conceded. The first collect put
        // the bulls' concessions into bearArguments before the bears' own points; move them behind.
        return new Debate(
                new BullCase(bullScore, bullAdvocates, ownFirst(bullArguments, Stance.BULLISH)),
                new BearCase(bearScore, bearAdvocates, ownFirst(bearArguments, Stance.BEARISH)));
    }

    private static List<Advocate> advocates(List<PanelMember> voters, double activeWeight) {
        List<Advocate> advocates = new ArrayList<>(voters.size());
        for (PanelMember voter : voters) {
            double w = voter.weight();
            double c = voter.opinion().confidence();
            advocates.add(new Advocate(voter.analystId(), w, c, w * c / activeWeight));
        }
        return advocates;
    }

    /** Sorts the arguments of {@code voters} (all of {@code stance}) into the case each leans to. */
    private static void collect(
            List<PanelMember> voters,
            double activeWeight,
            Stance stance,
            List<AttributedArgument> sameSide,
            List<AttributedArgument> otherSide) {
        for (PanelMember voter : voters) {
            double w = voter.weight();
            double c = voter.opinion().confidence();
            double contribution = w * c / activeWeight;
            for (Argument argument : voter.opinion().arguments()) {
                Stance lean = Arguments.lean(argument);
                AttributedArgument attributed =
                        new AttributedArgument(voter.analystId(), stance, w, c, contribution, argument);
                if (lean == Stance.NEUTRAL || lean == stance) {
                    sameSide.add(attributed);
                } else {
                    otherSide.add(attributed);
                }
            }
        }
    }

    /** The case's own advocates' arguments, then the conceded ones, each group keeping its order. */
    private static List<AttributedArgument> ownFirst(List<AttributedArgument> arguments, Stance side) {
        List<AttributedArgument> ordered = new ArrayList<>(arguments.size());
        for (AttributedArgument argument : arguments) {
            if (!argument.conceded(side)) {
                ordered.add(argument);
            }
        }
        for (AttributedArgument argument : arguments) {
            if (argument.conceded(side)) {
                ordered.add(argument);
            }
        }
        return ordered;
    }
}
