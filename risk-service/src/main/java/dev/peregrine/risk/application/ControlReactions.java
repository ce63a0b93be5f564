package dev.peregrine.risk.application;

import dev.peregrine.common.event.Reason;
import dev.peregrine.risk.domain.ReasonCodes;
import dev.peregrine.risk.domain.control.ControlTransition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Records control transitions in a change and flattens the book when one asks for it. */
final class ControlReactions {

    private final ExitPlanner exits;

    ControlReactions(ExitPlanner exits) {
        this.exits = Objects.requireNonNull(exits, "exits");
    }

    void apply(Book book, BookChange change, List<ControlTransition> transitions, Instant marketTime) {
        for (ControlTransition transition : transitions) {
            change.transitions.add(transition);
            if (transition.flatten()) {
                String code = transition.control().equals(ControlTransition.KILL_SWITCH)
                        ? ReasonCodes.KILL_SWITCH_FLATTEN
                        : ReasonCodes.BREAKER_FLATTEN;
                exits.flattenAll(
                        book,
                        change,
                        Reason.of(
                                code,
                                transition.control() + " " + transition.to() + ": "
                                        + transition.reason().detail()),
                        transition.control() + "@" + transition.at(),
                        marketTime);
            }
        }
    }
}
