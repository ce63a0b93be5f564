package dev.peregrine.signal.domain.consensus;

import java.util.List;
import java.util.Objects;

/**
 * One candle's panel session: consensus, debate and verdict from the same members. Stateless and
 * thread-safe.
 */
public final class Deliberation {

    private final Consensus consensus;
    private final Arbiter arbiter;

    public Deliberation(ConsensusConfig consensusConfig, ArbiterConfig arbiterConfig) {
        this.consensus = new Consensus(consensusConfig);
        this.arbiter = new Arbiter(arbiterConfig);
    }

    public static Deliberation withDefaults() {
        return new Deliberation(ConsensusConfig.defaults(), ArbiterConfig.defaults());
    }

    public DebateRecord deliberate(List<PanelMember> members) {
        Objects.requireNonNull(members, "members");
        ConsensusResult result = consensus.compute(members);
        Debate debate = Debate.between(members);
        return new DebateRecord(debate.bull(), debate.bear(), arbiter.judge(debate, result), result);
    }
}
