package dev.peregrine.signal.domain.consensus;

import dev.peregrine.signal.domain.analyst.Argument;
import dev.peregrine.signal.domain.analyst.Stance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The bull case and the bear case of one candle, assembled from the voters' opinions (the same voters as
 * the consensus: not paused, weight above 0; NEUTRAL voters argue neither side). Each advocate's
 * contribution is {@code w * c / W} with {@code W} the voters' total weight, so a case's score equals the
 * consensus score of its side. Advocates are listed strongest first (contribution, then analyst id), and
 * each argument is attributed to its analyst, in advocate order and, within an analyst, in the analyst's
 * own order.
 */
public record Debate(BullCase bull, BearCase bear) {

    private static final Comparator<PanelMember> STRONGEST_FIRST = Comparator
            .comparingDouble((PanelMember m) -> m.weight() * m.opinion().confidence()).reversed()
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
        Brief bullSide = brief(bulls, activeWeight);
        Brief bearSide = brief(bears, activeWeight);
        return new Debate(new BullCase(bullScore, bullSide.advocates, bullSide.arguments),
                new BearCase(bearScore, bearSide.advocates, bearSide.arguments));
    }

    private static Brief brief(List<PanelMember> voters, double activeWeight) {
        voters.sort(STRONGEST_FIRST);
        List<Advocate> advocates = new ArrayList<>(voters.size());
        List<AttributedArgument> arguments = new ArrayList<>();
        for (PanelMember voter : voters) {
            double w = voter.weight();
            double c = voter.opinion().confidence();
            double contribution = w * c / activeWeight;
            advocates.add(new Advocate(voter.analystId(), w, c, contribution));
            for (Argument argument : voter.opinion().arguments()) {
                arguments.add(new AttributedArgument(voter.analystId(), w, c, contribution, argument));
            }
        }
        return new Brief(advocates, arguments);
    }

    private record Brief(List<Advocate> advocates, List<AttributedArgument> arguments) {
    }
}
